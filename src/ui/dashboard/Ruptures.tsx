import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { OutcomeView, RuptureView } from './view-model';

// The words the status cards add for clinical logic v2: where the latest outcome score stands in the expected
// band, how many responses are not scored, and each rupture episode with whether it was repaired.

export function OutcomeBand({ outcome }: { readonly outcome: OutcomeView }) {
  const { t } = useTranslation('dashboard');
  return (
    <>
      {outcome.band !== 'no-status' && <p className="status-band">{t(`status.band.${outcome.band}`)}</p>}
      {outcome.notScored > 0 && <p className="muted">{t('status.notScored', { count: outcome.notScored })}</p>}
    </>
  );
}

export function Ruptures({ ruptures }: { readonly ruptures: readonly RuptureView[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (ruptures.length === 0) return null;
  return (
    <ul className="status-ruptures" aria-label={t('status.rupture.heading')}>
      {ruptures.map((r) => (
        <li key={`${r.measure}-${r.date}`}>
          {t('status.rupture.item', {
            measure: t(`status.rupture.measure.${r.measure}`),
            session: r.session,
            date: f.date(r.date),
            state: t(`status.rupture.${r.repaired === null ? 'open' : r.repaired ? 'repaired' : 'unresolved'}`),
          })}
          {r.notes.map((n, i) => (
            <span key={i}>
              {' '}
              {t('status.rupture.note', {
                kind: t(`status.rupture.kind.${n.kind}`),
                addressed: t(`status.rupture.${n.addressed ? 'addressed' : 'notAddressed'}`),
              })}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
