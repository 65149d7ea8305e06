import { z } from 'zod';
import { fail, succeed, type Result } from '../../../core/result';
import { faultsSchema, type Faults } from '../auth/faults';
import type { Interaction } from '../auth/scopes';
import { formatZodIssues } from '../../../fhir/schemas/validate';
import { VENDOR_NAMES } from '../engine/vendors/types';

// The EHR page's launch form, validated: which patient and clinician, the banner choice and the faults.

/** Offered denied-scope faults, by form value. */
export const DENY_SCOPE_CHOICES: Readonly<
  Record<string, { label: string; resourceType: string; interactions: Interaction[] }>
> = {
  'Flag.cud': { label: 'Flag writes (create/update/delete)', resourceType: 'Flag', interactions: ['c', 'u', 'd'] },
  'Observation.cud': { label: 'Observation writes', resourceType: 'Observation', interactions: ['c', 'u', 'd'] },
  'QuestionnaireResponse.cud': {
    label: 'QuestionnaireResponse writes',
    resourceType: 'QuestionnaireResponse',
    interactions: ['c', 'u', 'd'],
  },
  'Provenance.c': { label: 'Provenance create', resourceType: 'Provenance', interactions: ['c'] },
  'Flag.cruds': {
    label: 'Flag entirely (no read either)',
    resourceType: 'Flag',
    interactions: ['c', 'r', 'u', 'd', 's'],
  },
  'Observation.rs': { label: 'Observation reads', resourceType: 'Observation', interactions: ['r', 's'] },
  'DocumentReference.rs': {
    label: 'DocumentReference reads (clinical notes)',
    resourceType: 'DocumentReference',
    interactions: ['r', 's'],
  },
};

const checkbox = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');
const optionalInt = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().min(min).max(max).optional());

const launchFormSchema = z
  .object({
    patient: z.string().optional(),
    /** The "Launch without patient" button: a provider context with no chart open (the caseload). */
    withoutPatient: checkbox,
    clinician: z.string().min(1, 'pick a clinician'),
    banner: checkbox,
    shortLivedToken: checkbox,
    denyScope: z.union([z.literal(''), z.enum(Object.keys(DENY_SCOPE_CHOICES) as [string, ...string[]])]).optional(),
    transactionErrorStatus: optionalInt(400, 599),
    transactionErrorTimes: optionalInt(1, 1000),
    transactionDelayMs: optionalInt(1, 120_000),
    noTransactions: checkbox,
    noConditionalCreate: checkbox,
    cursorPaging: checkbox,
    vendor: z.enum(VENDOR_NAMES).optional(),
  })
  .refine((f) => f.withoutPatient || Boolean(f.patient), { path: ['patient'], message: 'pick a patient' });

export interface LaunchChoice {
  /** Undefined for a launch without patient. */
  readonly patient: string | undefined;
  readonly clinician: string;
  readonly needPatientBanner: boolean;
  readonly faults: Faults;
}

export type LaunchFormResult = Result<LaunchChoice, string[]>;

export function parseLaunchForm(form: Readonly<Record<string, string>>): LaunchFormResult {
  const parsed = launchFormSchema.safeParse(form);
  if (!parsed.success) return fail(formatZodIssues(parsed.error.issues));
  const f = parsed.data;
  const deny = f.denyScope ? DENY_SCOPE_CHOICES[f.denyScope] : undefined;
  const faults = faultsSchema.parse({
    shortLivedToken: f.shortLivedToken,
    noTransactions: f.noTransactions,
    noConditionalCreate: f.noConditionalCreate,
    cursorPaging: f.cursorPaging,
    ...(f.vendor ? { vendor: f.vendor } : {}),
    ...(deny ? { denyScope: { resourceType: deny.resourceType, interactions: deny.interactions } } : {}),
    ...(f.transactionErrorStatus
      ? { transactionError: { status: f.transactionErrorStatus, times: f.transactionErrorTimes ?? 1 } }
      : {}),
    ...(f.transactionDelayMs ? { transactionDelayMs: f.transactionDelayMs } : {}),
  });
  return succeed({
    patient: f.withoutPatient ? undefined : f.patient,
    clinician: f.clinician,
    needPatientBanner: f.banner,
    faults,
  });
}
