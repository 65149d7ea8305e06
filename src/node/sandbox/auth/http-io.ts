import type { IncomingMessage, ServerResponse } from 'node:http';

// Small node:http helpers shared by the auth endpoints and the EHR page.

const MAX_FORM_BYTES = 64 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; status: 413 };

export async function readBodyText(req: IncomingMessage, limit = MAX_FORM_BYTES): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) return { ok: false, status: 413 };
    chunks.push(buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** Query parameters, or the form body of a POST; the first value of a repeated name wins. */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string> | undefined> {
  const source = req.method === 'POST' ? await readBodyText(req) : { ok: true as const, text: url.search.slice(1) };
  if (!source.ok) return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(source.text)) if (!(name in params)) params[name] = value;
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Pages carry no script from elsewhere; inline styles only. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; base-uri 'none'";

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
