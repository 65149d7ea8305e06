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

export type Bundle = z.output<typeof bundleSchema>;
export type BundleEntry = z.output<typeof bundleEntrySchema>;
export type BundleLink = z.output<typeof bundleLinkSchema>;

/** The status code of a batch/transaction entry response (`"403 Forbidden"` → 403); NaN when unreadable. */
export function entryStatus(entry: BundleEntry): number {
  return Number.parseInt(entry.response?.status.slice(0, 3) ?? '', 10);
}

export function linkUrl(bundle: Bundle, relation: string): string | undefined {
  return bundle.link?.find((l) => l.relation === relation)?.url;
}
