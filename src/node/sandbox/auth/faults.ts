import { z } from 'zod';
import type { EngineSettings } from '../engine/types';
import { VENDOR_NAMES } from '../engine/vendors/types';
import type { Interaction } from './scopes';

// Faults an integrator asks for on the EHR launch page, to see how the app copes with a difficult EHR.
// Token-side faults travel with the launch context; server-side ones are written to the engine's settings.

const resourceType = z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, 'a FHIR resource type such as Flag');

export const faultsSchema = z.object({
  /** expires_in of 20 s instead of an hour: exercises refresh and "session expired". */
  shortLivedToken: z.boolean().default(false),
  /** Scope letters withheld on one resource type, e.g. writes on Flag. */
  denyScope: z.object({ resourceType, interactions: z.array(z.enum(['c', 'r', 'u', 'd', 's'])).min(1) }).optional(),
  /** Transactions answer this error status, the next `times` times. */
  transactionError: z
    .object({ status: z.number().int().min(400).max(599), times: z.number().int().min(1).max(1000) })
    .optional(),
  /** Transactions are answered this many milliseconds late. */
  transactionDelayMs: z.number().int().min(1).max(120_000).optional(),
  /** The server has no transaction support (the CapabilityStatement says so; transactions are refused). */
  noTransactions: z.boolean().default(false),
  /** Conditional create (`ifNoneExist`) is not supported. */
  noConditionalCreate: z.boolean().default(false),
  /** The server behaves like this vendor's EHR (its write profile: what it refuses, what it says it supports). */
  vendor: z.enum(VENDOR_NAMES).default('open'),
  /** Searches come in pages of at most CURSOR_PAGE_SIZE, linked by an opaque cursor (no offsets to compute). */
  cursorPaging: z.boolean().default(false),
});

export type Faults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: Faults = {
  shortLivedToken: false,
  noTransactions: false,
  noConditionalCreate: false,
  vendor: 'open',
  cursorPaging: false,
};

export const SHORT_TOKEN_SECONDS = 20;

/** A cap servers that page by cursor commonly set on `_count`. */
export const CURSOR_PAGE_SIZE = 100;

/** Writes the server-side faults of a launch into the engine settings; a launch without faults restores them. */
export function applyFaultsToSettings(settings: EngineSettings, faults: Faults): void {
  settings.transactions = !faults.noTransactions;
  settings.batch = true;
  settings.conditionalCreate = !faults.noConditionalCreate;
  settings.vendor = faults.vendor;
  settings.cursorPaging = faults.cursorPaging ? { maxPageSize: CURSOR_PAGE_SIZE } : undefined;
  const { transactionError, transactionDelayMs } = faults;
  settings.transactionFault =
    transactionError || transactionDelayMs
      ? {
          ...(transactionError ? { status: transactionError.status, times: transactionError.times } : {}),
          ...(transactionDelayMs ? { delayMs: transactionDelayMs } : {}),
        }
      : undefined;
}

export function deniedInteractions(faults: Faults, resource: string): ReadonlySet<Interaction> {
  return new Set(faults.denyScope?.resourceType === resource ? faults.denyScope.interactions : []);
}

/** A one-line description of the active faults, for the EHR page. */
export function describeFaults(faults: Faults): string[] {
  const lines: string[] = [];
  if (faults.shortLivedToken) lines.push(`access token expires after ${SHORT_TOKEN_SECONDS} s`);
  if (faults.denyScope)
    lines.push(`scope ${faults.denyScope.resourceType}.${faults.denyScope.interactions.join('')} denied`);
  if (faults.transactionError)
    lines.push(`transactions answer ${faults.transactionError.status} (${faults.transactionError.times}×)`);
  if (faults.transactionDelayMs) lines.push(`transactions delayed ${faults.transactionDelayMs} ms`);
  if (faults.noTransactions) lines.push('no transaction support');
  if (faults.noConditionalCreate) lines.push('no conditional create');
  if (faults.vendor !== 'open') lines.push(`server behaves like ${faults.vendor}`);
  if (faults.cursorPaging) lines.push(`searches paged by cursor, ${CURSOR_PAGE_SIZE} per page`);
  return lines;
}
