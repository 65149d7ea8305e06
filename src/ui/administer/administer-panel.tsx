import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ageBandAt } from '../../core/dates';
import { dueInstruments } from '../../core/due';
import { instruments } from '../../core/instruments';
import type { Administration } from '../../core/model';
import type { FhirTransport } from '../../fhir/gateway/types';
import type { WriteBackConfig } from '../../fhir/smart-launch-config';
import {
  prepareRuptureNoteSave,
  prepareSave,
  updatesResponses,
  withFreshFlags,
  type OutboxStorage,
  type WriteSet,
} from '../../fhir/write';
import type { RuptureNote } from '../../core/model';
import { ruptureNoteOf } from '../../fhir/resources/rupture-note';
import { pickLanguage } from '../i18n/locale';
import type { LoadedRecord } from '../app/record';
import { AdministerForm } from './administer-form';
import { ClientSession } from './client-session';
import { localDate, localDateTime } from './clock';
import { noteWords, ruptureNoteWords } from './note-words';
import { datedOn, isPaperDateAllowed, PaperDate } from './paper-date';
import { keptDrafts } from './draft-store';
import { continuedForm, ResumeList, type OpenForm } from './resume-list';
import { RuptureNoteForm } from './rupture-note-form';
import { SaveReportView } from './save-report-view';
import { SessionPanel } from './session-panel';
import { useSaveFlow } from './use-save-flow';
import { savesStillKept } from './waiting-saves';

const now = (): string => localDateTime(new Date());

export interface AdministerWorkspaceProps {
  readonly transport: FhirTransport;
  readonly launch: {
    readonly patientId: string;
    readonly encounterId: string | undefined;
    readonly fhirUser: string | undefined;
  };
  readonly record: Pick<LoadedRecord, 'history' | 'capabilities' | 'assessment' | 'unsaved'>;
  /** Called when a save attempt has settled (the shell reloads the record). */
  readonly onSaved: () => void;
  /** Where drafts and unsaved work live: sessionStorage in the app. */
  readonly storage: Storage;
  /** The app as Provenance names it (its Device), from the validated smart-launch.json. */
  readonly app: { readonly name: string; readonly version: string };
  /** How scores and Provenance are written (smart-launch.json `writeBack`); the defaults when omitted. */
  readonly writeBack?: WriteBackConfig;
  /** What the rest of the clinician view may ask of the panel. */
  readonly handle?: Ref<AdministerHandle>;
}

export interface AdministerHandle {
  /** Opens a response kept in progress with its answers (the session table's "Continue"). */
  continueResponse(responseId: string): void;
}

/** The administer area of the clinician view: what is due, the forms, and what became of each save. */
export function AdministerWorkspace({
  transport,
  launch,
  record,
  app,
  writeBack,
  onSaved,
  storage,
  handle,
}: AdministerWorkspaceProps) {
  const { t, i18n } = useTranslation('administer');
  const language = pickLanguage([i18n.language]);
  // `resume`: a response kept in progress, opened again with its answers (finishing it keeps its id).
  const [active, setActive] = useState<OpenForm>();
  const panel = useRef<HTMLDivElement>(null);
  const [paperDate, setPaperDate] = useState<string>();
  const build = useCallback(
    (administration: Administration, clientRated: boolean) =>
      prepareSave({
        administration,
        history: record.history,
        unsaved: record.unsaved,
        assessment: record.assessment,
        recorded: now(),
        app,
        writeBack,
        updateInPlace: updatesResponses(record.capabilities),
        parties: {
          patientId: launch.patientId,
          encounterId: launch.encounterId,
          fhirUser: launch.fhirUser,
          clientRated,
          noteWords: noteWords(language, record.assessment.config),
        },
      }),
    [record, launch, app, writeBack, language],
  );
  // Only the Flag part of the rebuilt set is used, so who rated does not matter there.
  const refresh = useCallback(
    (kept: WriteSet, administration: Administration) => withFreshFlags(kept, build(administration, true)),
    [build],
  );
  const flow = useSaveFlow(
    transport,
    record.capabilities,
    storage satisfies OutboxStorage,
    launch.patientId,
    onSaved,
    refresh,
  );
  const today = localDate(new Date());
  const birthDate = record.history.patient?.birthDate;
  const due = dueInstruments({
    assessment: record.assessment,
    ageBand: birthDate ? ageBandAt(birthDate, today) : undefined,
    today,
  });

  const submit = useCallback(
    (administration: Administration, clientRated: boolean) => {
      void flow.save(build(administration, clientRated), instruments[administration.instrument].shortName);
    },
    [build, flow],
  );

  const saveRuptureNote = useCallback(
    (note: RuptureNote) => {
      const writeSet = prepareRuptureNoteSave({
        note,
        patientId: launch.patientId,
        encounterId: launch.encounterId,
        fhirUser: launch.fhirUser,
        recorded: now(),
        app,
        writeBack,
        noteWords: ruptureNoteWords(language),
      });
      void flow.save(writeSet, t('ruptureNote.title'));
    },
    [launch, app, writeBack, flow, t, language],
  );

  // What the record holds already: its responses, and its rupture notes (as Observations or in clinical notes).
  const held = useMemo(
    () =>
      new Set([
        ...record.history.administrations.map((a) => a.administration.id),
        ...record.history.observations.flatMap((o) => ruptureNoteOf(o)?.id ?? []),
      ]),
    [record.history],
  );
  const waiting =
    flow.waiting > 0 ? savesStillKept(storage, launch.patientId, held, new Set(flow.attempts.map((a) => a.key))) : 0;
  // Saves kept from before a reload whose response the record already holds (the server committed it as the
  // page went away): nothing to ask the clinician; sending them again (idempotent) completes what may be missing.
  const finishHeld = flow.waiting > 0 && waiting === 0 && !flow.busy;
  useEffect(() => {
    if (finishHeld) void flow.resend();
  }, [finishHeld, flow]);
  const close = () => {
    setActive(undefined);
    setPaperDate(undefined);
  };
  const episodeStart = record.assessment.currentEpisode?.startDate;
  const paperDay = paperDate ?? today;
  const paperNow = () => datedOn(isPaperDateAllowed(paperDay, today, episodeStart) ? paperDay : today, now());
  const patientKey = launch.patientId;
  const offered = (['sessionStart', 'sessionEnd', 'inventory'] as const).flatMap(
    (moment) => due[moment].instrument ?? [],
  );
  useImperativeHandle(
    handle,
    () => ({
      continueResponse(responseId) {
        const form = continuedForm(record.history.administrations, responseId, (instrument) =>
          keptDrafts(storage, patientKey, [instrument]),
        );
        if (!form) return;
        setPaperDate(undefined);
        setActive(form);
        // The form opens in the panel: the clinician is taken there from the table.
        panel.current?.focus();
      },
    }),
    [record.history, storage, patientKey],
  );

  return (
    <div className="tf-administer-panel" ref={panel} tabIndex={-1}>
      {active?.mode === 'client' && (
        <ClientSession
          instrument={instruments[active.instrument]}
          resume={active.resume}
          patientKey={patientKey}
          now={now}
          storage={storage}
          onSubmit={(a) => submit(a, true)}
          onReturn={close}
        />
      )}
      {active?.mode === 'paper' ? (
        <>
          <PaperDate value={paperDay} today={today} earliest={episodeStart} onChange={setPaperDate} />
          <AdministerForm
            // Another response opened from the table while a form is open starts its own form.
            key={active.resume?.id ?? active.instrument}
            instrument={instruments[active.instrument]}
            resume={active.resume}
            patientKey={patientKey}
            now={paperNow}
            storage={storage}
            presentation="paper"
            onSubmit={(a) => {
              submit(a, false);
              close();
            }}
          />
          <button type="button" className="tf-button" onClick={close}>
            {t('cancelPaper')}
          </button>
        </>
      ) : (
        <>
          <ResumeList
            responses={record.history.administrations}
            drafts={keptDrafts(storage, patientKey, offered)}
            onStart={(instrument, mode) => setActive({ instrument, mode })}
            onResume={({ id, instrument, answers }, mode) => setActive({ instrument, mode, resume: { id, answers } })}
          />
          <SessionPanel due={due} onStart={(instrument, mode) => setActive({ instrument, mode })} />
        </>
      )}
      {record.assessment.alliance.ruptures.length > 0 && !active && (
        <RuptureNoteForm now={now} busy={flow.busy} onSave={saveRuptureNote} />
      )}
      {waiting > 0 && (
        <p className="tf-notice">
          {t('waiting', { count: waiting })}{' '}
          <button type="button" className="tf-button" disabled={flow.busy} onClick={() => void flow.resend()}>
            {t('sendNow')}
          </button>
        </p>
      )}
      {flow.attempts.map((attempt) => (
        <SaveReportView
          key={attempt.key}
          title={attempt.title}
          report={attempt.report}
          busy={flow.busy}
          onRetry={() => void flow.resend()}
        />
      ))}
    </div>
  );
}
