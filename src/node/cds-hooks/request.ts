import { z } from 'zod';
import { fail, succeed, type Result } from '../../core/result';
import { validate } from '../../fhir/schemas/validate';
import { HOOK } from './discovery';

// The CDS Hooks service request (`POST {base}/cds-services/{id}`), validated before anything reads it.
// A bad request gets one message that names the field, e.g. `context.patientId: missing`.

/** FHIR's id syntax: it also keeps the id from adding path segments or query parameters to a template. */
const fhirId = z
  .string()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'expected a FHIR id (letters, digits, "-" and ".", at most 64)');

const fhirAuthorizationSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i, 'expected "Bearer"'),
  expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
  subject: z.string().optional(),
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const hookRequestSchema = z
  .looseObject({
    hook: z
      .string()
      .refine((hook) => hook === HOOK, { error: `expected "${HOOK}": this service answers that hook only` }),
    hookInstance: z.string().min(1, 'missing'),
    fhirServer: httpUrl.optional(),
    fhirAuthorization: fhirAuthorizationSchema.optional(),
    context: z.looseObject({
      patientId: fhirId,
      userId: z.string().min(1, 'missing'),
      encounterId: z.string().optional(),
    }),
    /** Values are FHIR resources, or null when the EHR had nothing for that template. */
    prefetch: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((request) => request.fhirAuthorization === undefined || request.fhirServer !== undefined, {
    path: ['fhirServer'],
    error: 'required when fhirAuthorization is given',
  });

export type HookRequest = z.output<typeof hookRequestSchema>;

export type ParsedHookRequest = Result<HookRequest>;

export function parseHookRequest(body: unknown): ParsedHookRequest {
  if (body === undefined) return fail('The request has no body: send the CDS Hooks request as JSON.');
  // The prefetch is the whole history: each resource in it is bounded when it is read, so a hostile one is
  // listed as unreadable instead of refusing the request.
  const checked = validate(hookRequestSchema, body, null);
  return checked.ok ? succeed(checked.value) : fail(`Invalid CDS Hooks request: ${checked.error.join('; ')}`);
}
