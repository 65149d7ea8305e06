import { z } from 'zod';
import { identifierSchema, resourceBase } from './datatypes';

// Bundle as a container: entries are kept as `unknown` so that each resource is validated on its own and
// one bad resource never sinks the rest of the page.

export const bundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

export const bundleEntrySchema = z.looseObject({
  fullUrl: z.string().optional(),
  resource: z.unknown().optional(),
  search: z.looseObject({ mode: z.string().optional() }).optional(),
  request: z.looseObject({ method: z.string(), url: z.string() }).optional(),
  response: z
    .looseObject({
      /** e.g. `200 OK`, `403 Forbidden`; the first three characters are the status. */
      status: z.string(),
      location: z.string().optional(),
      etag: z.string().optional(),
      outcome: z.unknown().optional(),
    })
    .optional(),
});

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  ...resourceBase,
  identifier: identifierSchema.optional(),
  type: z.enum([
    'document',
    'message',
    'transaction',
    'transaction-response',
    'batch',
    'batch-response',
    'history',
    'searchset',
    'collection',
  ]),
  total: z.number().int().optional(),
  link: z.array(bundleLinkSchema).optional(),
  entry: z.array(bundleEntrySchema).optional(),
});

/** A Bundle without its entries checked (they pass as they are): readBundle checks them. */
const bundleHeadSchema = bundleSchema.omit({ entry: true });

export type Bundle = z.output<typeof bundleSchema>;
export type BundleEntry = z.output<typeof bundleEntrySchema>;
export type BundleLink = z.output<typeof bundleLinkSchema>;

const SEARCH_ENTRY_FIELDS: ReadonlySet<string> = new Set(['fullUrl', 'resource', 'search']);

/** An entry in the shape servers give a search page: a fullUrl, a resource (checked where it is read) and a mode. */
function plainSearchEntry(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
  for (const key in entry) if (!SEARCH_ENTRY_FIELDS.has(key)) return false;
  const { fullUrl, search } = entry as { fullUrl?: unknown; search?: unknown };
  if (fullUrl !== undefined && typeof fullUrl !== 'string') return false;
  if (search === undefined) return true;
  if (typeof search !== 'object' || search === null || Array.isArray(search)) return false;
  for (const key in search) if (key !== 'mode') return false;
  const mode = (search as { mode?: unknown }).mode;
  return mode === undefined || typeof mode === 'string';
}

/**
 * A Bundle, checked: its head by the schema, its entries by hand when they are in the plain shape of a search
 * page (a long history has thousands), otherwise by the schema. Undefined when it is not a Bundle.
 */
export function readBundle(body: unknown): Bundle | undefined {
  const head = bundleHeadSchema.safeParse(body);
  if (!head.success) return undefined;
  const entry = (body as { entry?: unknown }).entry;
  if (entry === undefined) return head.data;
  if (Array.isArray(entry) && entry.every(plainSearchEntry)) return { ...head.data, entry: entry as BundleEntry[] };
  const whole = bundleSchema.safeParse(body);
  return whole.success ? whole.data : undefined;
}

/** The status code of a batch/transaction entry response (`"403 Forbidden"` → 403); NaN when unreadable. */
export function entryStatus(entry: BundleEntry): number {
  return Number.parseInt(entry.response?.status.slice(0, 3) ?? '', 10);
}

/**
 * The resources of a search page that are its matches of `resourceType`: neither `_include`d resources nor the
 * server's OperationOutcome about the search. Each is still unchecked: the reader validates it.
 */
export function matchesOf(bundle: Bundle, resourceType: string): unknown[] {
  const out: unknown[] = [];
  for (const entry of bundle.entry ?? []) {
    const mode = entry.search?.mode;
    const resource = entry.resource as { resourceType?: unknown } | undefined;
    if (mode !== 'include' && mode !== 'outcome' && resource?.resourceType === resourceType) out.push(resource);
  }
  return out;
}

export function linkUrl(bundle: Bundle, relation: string): string | undefined {
  return bundle.link?.find((l) => l.relation === relation)?.url;
}
