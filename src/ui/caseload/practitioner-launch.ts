import { z } from 'zod';

// A launch without a patient (EHR provider context, or a standalone launch with user/ scopes): the token
// names the clinician (`fhirUser`) and no patient. Validated like the patient launch's context.

const practitionerTokenSchema = z.looseObject({
  scope: z.string().default(''),
  smart_style_url: z.url().optional(),
  locale: z.string().min(2).optional(),
});

export interface PractitionerLaunch {
  /** The signed-in clinician's FHIR resource (`Practitioner/123` or an absolute URL). */
  readonly fhirUser: string;
  readonly grantedScopes: string;
  readonly smartStyleUrl: string | undefined;
  readonly locale: string | undefined;
}

/** Undefined when the token has no fhirUser (then there is no one whose caseload to show) or is malformed. */
export function parsePractitionerLaunch(
  tokenResponse: unknown,
  fhirUser: string | undefined,
): PractitionerLaunch | undefined {
  const parsed = practitionerTokenSchema.safeParse(tokenResponse ?? {});
  if (!parsed.success || !fhirUser) return undefined;
  return {
    fhirUser,
    grantedScopes: parsed.data.scope,
    smartStyleUrl: parsed.data.smart_style_url,
    locale: parsed.data.locale,
  };
}
