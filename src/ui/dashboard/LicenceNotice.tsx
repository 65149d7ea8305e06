import { useTranslation } from 'react-i18next';
import type { Licence } from '../../fhir/smart-launch-config';
import { useFormat } from '../format';

/** The instrument licence this deployment is configured with, or a visible evaluation-use notice. */
export function LicenceNotice({ licence }: { readonly licence: Licence | null }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (!licence)
    return (
      <p className="licence licence-evaluation" role="note">
        <span aria-hidden="true">⚠ </span>
        {t('licence.evaluation')}
      </p>
    );
  const until = licence.validUntil ? `, ${t('licence.validUntil', { date: f.date(licence.validUntil) })}` : '';
  return (
    <p className="licence" role="note">
      {t('licence.configured', { holder: licence.holder, reference: licence.reference })}
      {until} ({licence.instruments.map((i) => i.toUpperCase()).join(', ')})
    </p>
  );
}
