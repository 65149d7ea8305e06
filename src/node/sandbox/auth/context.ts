import type { Faults } from './faults';

// What a launch binds and a grant carries: the EHR's context (chosen on the EHR page, or picked during a
// standalone launch) travels from the launch id to the code, the tokens and every refresh.

export interface LaunchContext {
  /** Patient id (the token's `patient`). */
  readonly patient?: string;
  readonly encounter?: string;
  /** Practitioner id of the signed-in clinician (the `fhirUser`). */
  readonly clinician?: string;
  /** The clinician's display name, given to the app as the id token's OpenID `name` claim (the printout's "Clinician"). */
  readonly clinicianName?: string;
  readonly needPatientBanner: boolean;
  readonly faults: Faults;
}

export interface Grant {
  readonly clientId: string;
  /** Shared by the code and every token issued from this authorization, to revoke them together. */
  readonly chain: string;
  readonly redirectUri: string;
  /** The granted scope string. */
  readonly scope: string;
  readonly context: LaunchContext;
  readonly nonce?: string;
}

export interface PendingCode {
  readonly grant: Grant;
  /** base64url(SHA-256(code_verifier)). */
  readonly codeChallenge: string;
}

/** A standalone authorization waiting for the user to pick a patient (and clinician). */
export interface PendingAuthorization {
  readonly grant: Grant;
  readonly codeChallenge: string;
  readonly state: string;
  readonly needsPatient: boolean;
}
