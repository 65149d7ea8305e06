import { useTranslation } from 'react-i18next';
import type { AgeBand } from '../../core/instruments/types';
import { useFormat } from '../format';
import type { PatientView } from './view-model';

/** Shown only when the EHR asks for it (`need_patient_banner`); inside the chart the EHR shows its own. */
export function PatientBanner({ patient, ageBand }: { readonly patient: PatientView; readonly ageBand: AgeBand | undefined }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return (
    <section className="patient-banner" aria-label={t('banner.label')}>
      <strong>{patient.name ?? t('banner.unnamed')}</strong>
      {patient.birthDate && <span>{t('banner.born', { date: f.date(patient.birthDate) })}</span>}
      {patient.gender && <span>{patient.gender}</span>}
      {ageBand && <span>{t(`banner.ageBand.${ageBand}`)}</span>}
    </section>
  );
}
