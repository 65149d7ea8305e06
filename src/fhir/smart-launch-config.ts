import { z } from 'zod';
import { fail, succeed, type Result } from '../core/result';
import { caseloadConfigSchema } from './caseload-config';
import { scopeList } from './scope-list';
import { scoringConfigSchema } from '../core/config';
import { SCORE_FORMS } from './resources/observations';
import { formatZodIssues } from './schemas/validate';
import { instrumentMappingsSchema } from './instrument-mappings';

// smart-launch.json: how the app registers with each EHR. Loaded at run time (not bundled), validated
// here, and also the source of the app-gallery manifest. A broken file is reported field by field.

const regexSource = z
  .string()
  .min(1)
  .refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression');

export const serverConfigSchema = z.object({
  /** Human name of the EHR or sandbox, for logs and the manifest. */
  name: z.string().min(1),
  /** Regular expression matched against the launch's `iss` (fhirclient's issMatch). */
  issMatch: regexSource,
  clientId: z.string().min(1),
  /** SMART v2 scopes (least privilege). */
  scopes: scopeList,
  /** The same permissions in SMART v1 syntax, for servers that do not advertise permission-v2. */
  scopesV1: scopeList,
  /** `auto` picks v2 when the server's smart-configuration lists permission-v2. */
  scopeVersion: z.enum(['v2', 'v1', 'auto']).default('auto'),
  /** Redirect URI, relative to the app's origin or absolute. */
  redirectUri: z.string().min(1),
  pkceMode: z.enum(['required', 'ifSupported']).default('required'),
  /** The app runs inside EHR iframes: finish the authorization in the frame itself. */
  completeInTarget: z.boolean().default(true),
  /** Launches without a patient open the clinician's caseload; absent: such launches are refused as before. */
  caseload: caseloadConfigSchema.optional(),
});

export const licenceSchema = z.object({
  holder: z.string().min(1),
  reference: z.string().min(1),
  instruments: z.array(z.enum(['ors', 'srs', 'cors', 'csrs', 'wai-sr'])).min(1),
  validUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .optional(),
});

export const appInfoSchema = z.object({
  name: z.string().min(1),
  softwareId: z.string().min(1),
  version: z.string().min(1),
  description: z.string().min(1),
  launchUri: z.string().min(1),
  logoUri: z.string().min(1),
  privacyPolicyUri: z.string().min(1),
  termsOfServiceUri: z.string().min(1),
  contact: z.string().min(1),
});

export const writeBackSchema = z.object({
  /**
   * `components` (default): one score Observation with items and subscales as components. `us-core-panel`:
   * US Core strict, a survey panel whose `hasMember` lists the total, subscales and items as Observations.
   */
  scoreObservations: z.enum(SCORE_FORMS).default('components'),
  /**
   * The organization the clinicians and the app act for: Provenance `agent.onBehalfOf`, which US Core's
   * provenance-1 requires. `reference` only where the Organization exists on the EHR (`Organization/<id>`).
   */
  organization: z
    .object({
      display: z.string().trim().min(1),
      reference: z
        .string()
        .regex(/^Organization\/[A-Za-z0-9\-.]{1,64}$/, 'an Organization reference, Organization/<id>')
        .optional(),
    })
    .optional(),
});

export const smartLaunchConfigSchema = z.object({
  app: appInfoSchema,
  /** The instrument licence this deployment holds; null shows the "evaluation use" notice. */
  licence: licenceSchema.nullable(),
  /** The organisation's clinical thresholds (cutoffs, reliable change, episode gap…); omitted fields keep the defaults. */
  scoring: scoringConfigSchema.prefault({}),
  /** How scores and Provenance are written (see writeBackSchema); omitted, the defaults. */
  writeBack: writeBackSchema.prefault({}),
  /** How other systems' forms are read (issue 12's contract); without one a foreign response is "unknown scale". */
  instrumentMappings: instrumentMappingsSchema,
  /** Justification of each scope for app-gallery reviewers, keyed by resource scope (v2 form). */
  scopeJustifications: z.record(z.string(), z.string().min(1)),
  servers: z.array(serverConfigSchema).min(1),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type SmartLaunchConfig = z.infer<typeof smartLaunchConfigSchema>;
export type Licence = z.infer<typeof licenceSchema>;
export type WriteBackConfig = z.infer<typeof writeBackSchema>;

export type ConfigResult = Result<SmartLaunchConfig, string[]>;

/** Validates smart-launch.json; each error names the field, e.g. `servers[1].clientId: ...`. */
export function parseSmartLaunchConfig(input: unknown): ConfigResult {
  const result = smartLaunchConfigSchema.safeParse(input);
  if (result.success) return succeed(result.data);
  return fail(formatZodIssues(result.error.issues));
}

/** The first server configuration whose issMatch matches the issuer. */
export function serverForIssuer(config: SmartLaunchConfig, iss: string): ServerConfig | undefined {
  return config.servers.find((s) => new RegExp(s.issMatch).test(iss));
}
