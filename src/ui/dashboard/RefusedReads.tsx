import { useTranslation } from 'react-i18next';
import type { RefusedRead } from './view-model';

// A refused read is said at the top, with what it means for what is shown: a view that silently lacks the
// chart's alerts (or the responses) would look complete and be wrong.

const known = [
  'Flag',
  'Observation',
  'QuestionnaireResponse',
  'Patient',
  'Questionnaire',
  'DocumentReference',
] as const;
type KnownPart = (typeof known)[number];
const isKnown = (type: string): type is KnownPart => (known as readonly string[]).includes(type);

export function RefusedReads({ refused }: { readonly refused: readonly RefusedRead[] }) {
  const { t } = useTranslation('dashboard');
  if (refused.length === 0) return null;
  return (
    <section className="refused" aria-labelledby="refused-heading">
      <h2 id="refused-heading">{t('refused.heading')}</h2>
      <ul>
        {refused.map((r) => (
          <li key={r.resourceType}>
            {isKnown(r.resourceType)
              ? t(`refused.part.${r.resourceType}`)
              : t('refused.other', { part: r.resourceType })}{' '}
            <span className="muted">({t('refused.status', { status: r.status })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
