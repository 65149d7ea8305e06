// Who can be picked: the patients and clinicians of the sandbox, as the EHR page and the standalone
// patient picker show them. Implemented over the FHIR engine in ehr/directory.ts.

export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly birthDate?: string;
  /** Whole years today, when the birth date is known. */
  readonly age?: number;
  readonly gender?: string;
  /** One line about the history the seed gave this patient. */
  readonly story?: string;
}

export interface ClinicianSummary {
  readonly id: string;
  readonly name: string;
}

export interface Directory {
  patients(): Promise<PatientSummary[]>;
  clinicians(): Promise<ClinicianSummary[]>;
}
