import type { Patient } from '../../fhir/schemas/patient';

/** The official name (else the first), as text; undefined when the Patient has none. */
export function patientName(patient: Patient | undefined): string | undefined {
  const name = patient?.name?.find((n) => n.use === 'official') ?? patient?.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return text || undefined;
}
