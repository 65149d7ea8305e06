import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { AllianceReason } from './view-model';

/** The reasons behind an alliance concern or rupture risk, in plain words under the status. */
export function AllianceReasons({
  reasons,
  cutoff,
}: {
  readonly reasons: readonly AllianceReason[];
  readonly cutoff: number;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (reasons.length === 0) return null;
  const text = (reason: AllianceReason): string => {
    switch (reason.kind) {
      case 'drop':
        return reason.drop === undefined
          ? t('status.allianceReason.dropUnknown')
          : t('status.allianceReason.drop', { drop: f.score(reason.drop) });
      case 'wai-drop':
        if (reason.subscales.length === 0) return t('status.allianceReason.waiDropAny');
        return t('status.allianceReason.wai-drop', {
          count: reason.subscales.length,
          subscales: f.list(reason.subscales.map((s) => t(`chart.legend.${s}`))),
        });
      default:
        return t(`status.allianceReason.${reason.kind}`, { cutoff: f.score(cutoff) });
    }
  };
  return (
    <ul className="status-reasons" aria-label={t('status.why')}>
      {reasons.map((r) => (
        <li key={r.kind}>{text(r)}</li>
      ))}
    </ul>
  );
}
