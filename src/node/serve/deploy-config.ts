import { z } from 'zod';
import { fail, succeed, type Result } from '../../core/result';
import { formatZodIssues } from '../../fhir/schemas/validate';

// What a health system sets per deployment, at start-up, without a rebuild: which EHR origins may embed the
// app, which FHIR/authorization origins it may talk to, and where its smart-launch.json lives.

const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (
      url.origin === value &&
      (url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost')
    );
  } catch {
    return false;
  }
}, 'must be an origin like https://ehr.example.org (https, no path; http only for 127.0.0.1/localhost)');

export const deployConfigSchema = z.object({
  /** EHR origins allowed to frame the app (CSP frame-ancestors). Empty means no one may frame it. */
  frameAncestors: z.array(origin).default([]),
  /** FHIR servers and authorization servers the app may call (CSP connect-src). */
  connectOrigins: z.array(origin).min(1, 'list at least one FHIR/authorization origin'),
  /** Path of the smart-launch.json to serve (client ids, scopes, licence), relative to the config file. */
  smartLaunchFile: z.string().min(1).default('smart-launch.json'),
  /** Send Strict-Transport-Security (disable only for a loopback test deployment). */
  hsts: z.boolean().default(true),
  port: z.number().int().min(0).max(65535).default(8443),
  host: z.string().min(1).default('127.0.0.1'),
});

export type DeployConfig = z.infer<typeof deployConfigSchema>;

export function parseDeployConfig(input: unknown): Result<DeployConfig, string[]> {
  const result = deployConfigSchema.safeParse(input);
  if (result.success) return succeed(result.data);
  return fail(formatZodIssues(result.error.issues));
}
