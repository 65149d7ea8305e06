import { useTranslation } from 'react-i18next';
import type { AgeBand } from '../../core/instruments/types';
import { useFormat } from '../format';
import type { PatientView } from './view-model';

// FHIR's administrative gender codes; anything else from a server is shown as sent.
const genders = ['male', 'female', 'other', 'unknown'] as const;
const isKnownGender = (g: string): g is (typeof genders)[number] => (genders as readonly string[]).includes(g);

/**
 * On screen only when the EHR asks for it (`need_patient_banner`): inside the chart the EHR shows its own.
 * Always on paper, which leaves the chart behind.
 */
export function PatientBanner({
  patient,
  ageBand,
  printOnly,
}: {
  readonly patient: PatientView;
  readonly ageBand: AgeBand | undefined;
  readonly printOnly: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return (
    <section
      className={printOnly ? 'patient-banner print-only' : 'patient-banner'}
      hidden={printOnly}
      aria-label={t('banner.label')}
    >
      <strong>{patient.name ?? t('banner.unnamed')}</strong>
      {patient.birthDate && <span>{t('banner.born', { date: f.date(patient.birthDate) })}</span>}
      {patient.gender && (
        <span>{isKnownGender(patient.gender) ? t(`banner.gender.${patient.gender}`) : patient.gender}</span>
      )}
      {ageBand && <span>{t(`banner.ageBand.${ageBand}`)}</span>}
    </section>
  );
}
