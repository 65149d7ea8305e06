import { useTranslation } from 'react-i18next';
import { instruments } from '../../core/instruments';
import type { Administration } from '../../core/model';
import type { LoadedAdministration } from '../../fhir/load';
import type { StartMode } from './session-panel';

export interface ResumeListProps {
  /** The client's responses as loaded: those of ours kept in progress are offered to continue. */
  readonly responses: readonly LoadedAdministration[];
  readonly onResume: (administration: Administration, mode: StartMode) => void;
}

/** Our responses kept in progress: the ones the record holds at their newest version, i.e. never finished. */
export function inProgressResponses(responses: readonly LoadedAdministration[]): Administration[] {
  return responses.filter((r) => !r.foreign && r.administration.status === 'in-progress').map((r) => r.administration);
}

/** "Continue" for each form kept as in progress: it opens with its answers, in client or paper mode. */
export function ResumeList({ responses, onResume }: ResumeListProps) {
  const { t } = useTranslation('administer');
  const kept = inProgressResponses(responses);
  if (kept.length === 0) return null;
  return (
    <section className="tf-resume" aria-labelledby="tf-resume-heading">
      <h3 id="tf-resume-heading">{t('resume.heading')}</h3>
      <ul>
        {kept.map((administration) => {
          const instrument = instruments[administration.instrument];
          const name = instrument.shortName;
          const answered = instrument.items.filter((item) => administration.answers[item.linkId] !== undefined).length;
          return (
            <li key={administration.id}>
              <span>{t('resume.item', { name, date: administration.authored.slice(0, 10), answered, total: instrument.items.length })}</span>{' '}
              <button type="button" className="tf-button" onClick={() => onResume(administration, 'client')}>{t('resume.client', { name })}</button>{' '}
              <button type="button" className="tf-button" onClick={() => onResume(administration, 'paper')}>{t('resume.paper', { name })}</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
