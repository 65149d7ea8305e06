import { z } from 'zod';
import { fail, succeed, type Result } from '../../core/result';
import { formatZodIssues } from '../../fhir/schemas/validate';

// The launch context the EHR sent with the token, validated: the token response is server data too.
const tokenContextSchema = z.looseObject({
  patient: z.string().trim().min(1).optional(),
  encounter: z.string().trim().min(1).optional(),
  scope: z.string().default(''),
  need_patient_banner: z.boolean().optional(),
  smart_style_url: z.url().optional(),
  locale: z.string().min(2).optional(),
  intent: z.string().optional(),
});

export interface LaunchContext {
  readonly patientId: string;
  readonly encounterId: string | undefined;
  /** The signed-in user's FHIR resource (`Practitioner/123`), from the id token. */
  readonly fhirUser: string | undefined;
  /** The signed-in user's name, when the id token carries the OpenID `name` claim (for the printout). */
  readonly clinicianName?: string | undefined;
  /** The scopes actually granted (may be fewer than requested). */
  readonly grantedScopes: string;
  /** SMART: absent means the app should show a banner (it may be running outside the chart). */
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl: string | undefined;
  readonly locale: string | undefined;
  readonly intent: string | undefined;
}

/** Why no launch context: no patient in it (maybe a caseload launch), or not valid (with the errors). */
export interface ContextProblem {
  readonly reason: 'no-patient' | 'invalid';
  readonly errors: string[];
}

export type ContextResult = Result<LaunchContext, ContextProblem>;

export function parseLaunchContext(
  tokenResponse: unknown,
  fhirUser: string | undefined,
  clinicianName?: string,
): ContextResult {
  const parsed = tokenContextSchema.safeParse(tokenResponse ?? {});
  if (!parsed.success) return fail({ reason: 'invalid', errors: formatZodIssues(parsed.error.issues) });
  const token = parsed.data;
  if (!token.patient) return fail({ reason: 'no-patient', errors: [] });
  return succeed({
    patientId: token.patient,
    encounterId: token.encounter,
    fhirUser,
    clinicianName,
    grantedScopes: token.scope,
    needPatientBanner: token.need_patient_banner ?? true,
    smartStyleUrl: token.smart_style_url,
    locale: token.locale,
    intent: token.intent,
  });
}
