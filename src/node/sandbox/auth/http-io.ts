import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../../http/body';

// Small node:http helpers shared by the auth endpoints and the EHR page.

const MAX_FORM_BYTES = 64 * 1024;

/** Query parameters, or the form body of a POST; the first value of a repeated name wins; undefined when the body is too large. */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string> | undefined> {
  const body = req.method === 'POST' ? await readBody(req, MAX_FORM_BYTES) : undefined;
  if (body === 'too-large') return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body ? body.toString('utf8') : url.search.slice(1)))
    if (!(name in params)) params[name] = value;
  return params;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Pages carry no script from elsewhere; inline styles only. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; base-uri 'none'";

export function sendHtml(res: ServerResponse, status: number, html: string, csp = PAGE_CSP): void {
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
    .end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end();
}
