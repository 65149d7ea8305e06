import { badRequest, OperationOutcomeError } from '@medplum/core';
import { z } from 'zod';

// Cursor paging (EngineSettings.cursorPaging): a `next` link that names its page by an opaque token instead of
// an offset, so a client cannot work out the later pages and must follow the links one after another. The
// token carries the search and the offset itself (base64url JSON), so the server keeps no paging state.

type Query = Record<string, string | string[] | undefined>;

/** A search's own parameters, without its paging (`_offset`, `_count`): what every page link starts from. */
export function withoutPaging(query: Query): Record<string, string | string[]> {
  const search: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && key !== '_offset' && key !== '_count') search[key] = value;
  return search;
}

export const CURSOR_PARAM = '_cursor';

const cursorSchema = z.object({
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  offset: z.number().int().min(0),
});

/** The `next` link of cursor paging: the search (without its paging) and the page's offset, as one token. */
export function cursorLink(baseUrl: string, resourceType: string, query: Query, offset: number, count: number): string {
  const search = { ...withoutPaging(query), _count: String(count) };
  const token = Buffer.from(JSON.stringify({ query: search, offset })).toString('base64url');
  return `${baseUrl}/${resourceType}?${CURSOR_PARAM}=${token}`;
}

/** The search a request stands for: the one its cursor carries (with that page's offset), else the request's own. */
export function readCursor(query: Query): Query {
  const token = query[CURSOR_PARAM];
  if (token === undefined) return query;
  const decoded = typeof token === 'string' ? decode(token) : undefined;
  if (!decoded) throw new OperationOutcomeError(badRequest('The paging cursor is not one this server gave.'));
  return { ...decoded.query, _offset: String(decoded.offset) };
}

function decode(token: string): z.infer<typeof cursorSchema> | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
