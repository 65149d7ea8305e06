import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageBandAt } from '../../core/dates';
import { dueInstruments } from '../../core/due';
import { instruments, type InstrumentId } from '../../core/instruments';
import type { Administration } from '../../core/model';
import { planWrites } from '../../fhir/write';
import { useAppShell, type AdministerPanelProps } from '../app/app-context';
import { AdministerForm } from './administer-form';
import { ClientSession } from './client-session';
import { localDate, localDateTime } from './clock';
import { prepareSave } from './prepare-save';
import { SaveReportView } from './save-report-view';
import { SessionPanel, type StartMode } from './session-panel';
import { useSaveFlow } from './use-save-flow';

const APP = { name: 'Therapy Feedback', version: '0.1.0' } as const;
const now = (): string => localDateTime(new Date());

/** The administer area of the clinician view: what is due, the forms, and what became of each save. */
export function AdministerPanel({ onSaved }: AdministerPanelProps) {
  const { t } = useTranslation('administer');
  const { transport, launch, record } = useAppShell();
  const [active, setActive] = useState<{ readonly instrument: InstrumentId; readonly mode: StartMode }>();
  const plan = useMemo(() => planWrites(record.capabilities), [record.capabilities]);
  const flow = useSaveFlow(transport, plan, sessionStorage, onSaved);
  const today = localDate(new Date());
  const birthDate = record.history.patient?.birthDate;
  const due = dueInstruments({ assessment: record.assessment, ageBand: birthDate ? ageBandAt(birthDate, today) : undefined, today });

  const submit = useCallback((administration: Administration, clientRated: boolean) => {
    const writeSet = prepareSave({
      administration, history: record.history, assessment: record.assessment, recorded: now(), app: APP,
      parties: { patientId: launch.patientId, encounterId: launch.encounterId, fhirUser: launch.fhirUser, clientRated },
    });
    void flow.save(writeSet, instruments[administration.instrument].shortName);
  }, [record, launch, flow]);

  const close = () => setActive(undefined);
  const patientKey = launch.patientId;

  return (
    <div className="tf-administer-panel">
      {active?.mode === 'client' && (
        <ClientSession instrument={instruments[active.instrument]} patientKey={patientKey} now={now} onSubmit={(a) => submit(a, true)} onReturn={close} />
      )}
      {active?.mode === 'paper' ? (
        <>
          <AdministerForm instrument={instruments[active.instrument]} patientKey={patientKey} now={now} presentation="paper" onSubmit={(a) => { submit(a, false); close(); }} />
          <button type="button" className="tf-button" onClick={close}>{t('cancelPaper')}</button>
        </>
      ) : (
        <SessionPanel due={due} onStart={(instrument, mode) => setActive({ instrument, mode })} />
      )}
      {flow.waiting > 0 && (
        <p className="tf-notice">
          {t('waiting', { count: flow.waiting })}{' '}
          <button type="button" className="tf-button" disabled={flow.busy} onClick={() => void flow.resend()}>{t('sendNow')}</button>
        </p>
      )}
      {flow.attempts.map((attempt) => (
        <SaveReportView key={attempt.key} title={attempt.title} report={attempt.report} busy={flow.busy} onRetry={() => void flow.resend()} />
      ))}
    </div>
  );
}
