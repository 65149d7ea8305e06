import { useTranslation } from 'react-i18next';
import { instruments, type InstrumentId } from '../../core/instruments';
import type { Administration } from '../../core/model';
import { isResumable, type LoadedAdministration } from '../../fhir/load';
import { useFormat } from '../format';
import type { StartMode } from './session-panel';
import type { ResumedResponse } from './use-form-draft';

/** The form open in the administer panel; `resume`: a response kept in progress, opened with its answers. */
export interface OpenForm {
  readonly instrument: InstrumentId;
  readonly mode: StartMode;
  readonly resume?: ResumedResponse;
}

export interface ResumeListProps {
  /** The client's responses as loaded: those of ours kept in progress are offered to continue. */
  readonly responses: readonly LoadedAdministration[];
  readonly onResume: (administration: Administration, mode: StartMode) => void;
  /** Forms with answers kept in this tab (not yet saved): opening the instrument restores them. */
  readonly drafts: readonly { readonly instrument: InstrumentId; readonly draftId: string }[];
  readonly onStart: (instrument: InstrumentId, mode: StartMode) => void;
}

/** Our responses kept in progress: the ones the record holds at their newest version, i.e. never finished. */
export function inProgressResponses(responses: readonly LoadedAdministration[]): Administration[] {
  return responses.filter(isResumable).map((r) => r.administration);
}

/**
 * What "Continue" on a row of the session table opens: the response kept in progress, from paper, with its
 * answers; when it was opened and closed unsaved, its answers kept in this tab (they are the later ones).
 * Undefined when the response is not ours in progress.
 */
export function continuedForm(
  responses: readonly LoadedAdministration[],
  responseId: string,
  draftsOf: (instrument: InstrumentId) => ResumeListProps['drafts'],
): OpenForm | undefined {
  const loaded = responses.find((r) => r.administration.id === responseId);
  if (!loaded || !isResumable(loaded)) return undefined;
  const { id, instrument, answers } = loaded.administration;
  return draftsOf(instrument).some((d) => d.draftId === id)
    ? { instrument, mode: 'paper' }
    : { instrument, mode: 'paper', resume: { id, answers } };
}

/** "Continue" for each form kept as in progress: it opens with its answers, in client or paper mode. */
export function ResumeList({ responses, onResume, drafts, onStart }: ResumeListProps) {
  const { t } = useTranslation('administer');
  const f = useFormat();
  const kept = inProgressResponses(responses);
  // A resumed response closed unsaved is a draft under its own id: listed once, as the draft.
  const resumed = kept.filter((a) => !drafts.some((d) => d.draftId === a.id));
  if (resumed.length + drafts.length === 0) return null;
  return (
    <section className="tf-resume" aria-labelledby="tf-resume-heading">
      <h3 id="tf-resume-heading">{t('resume.heading')}</h3>
      <ul>
        {drafts.map(({ instrument, draftId }) => {
          const name = instruments[instrument].shortName;
          return (
            <li key={draftId}>
              <span>{t('resume.inTab', { name })}</span>{' '}
              <button type="button" className="tf-button" onClick={() => onStart(instrument, 'client')}>
                {t('resume.client', { name })}
              </button>{' '}
              <button type="button" className="tf-button" onClick={() => onStart(instrument, 'paper')}>
                {t('resume.paper', { name })}
              </button>
            </li>
          );
        })}
        {resumed.map((administration) => {
          const instrument = instruments[administration.instrument];
          const name = instrument.shortName;
          const answered = instrument.items.filter((item) => administration.answers[item.linkId] !== undefined).length;
          return (
            <li key={administration.id}>
              <span>
                {t('resume.item', {
                  name,
                  date: f.date(administration.authored.slice(0, 10)),
                  answered,
                  total: instrument.items.length,
                })}
              </span>{' '}
              <button type="button" className="tf-button" onClick={() => onResume(administration, 'client')}>
                {t('resume.client', { name })}
              </button>{' '}
              <button type="button" className="tf-button" onClick={() => onResume(administration, 'paper')}>
                {t('resume.paper', { name })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
