// gzip for FHIR answers when the client says it accepts it (Accept-Encoding): a 55 KB CapabilityStatement
// or a page of responses shrinks to a fraction. Small bodies are sent as they are; compressing them costs
// more than it saves. Level 1: on a local network the bytes hardly matter, the time to compress does. In line,
// not in the thread pool: a page of 1,000 responses takes a few milliseconds, and an answer compressed in
// line is sent as soon as it is made; compressed aside, the answers to a client's parallel page requests
// wait for one another (each one's callback queues behind the others' work) and all arrive at the end.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

const MIN_BYTES = 1024;

/** True when Accept-Encoding names gzip (or `*`) with a non-zero quality. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const refused = q !== undefined && Number(q.slice(2)) === 0;
    if (coding === 'gzip' || coding === 'x-gzip') return !refused;
    if (coding === '*') wildcard = !refused;
  }
  return wildcard;
}

function addVary(res: ServerResponse, name: string): void {
  const current = res.getHeader('vary');
  const names = typeof current === 'string' && current !== '' ? current.split(',').map((v) => v.trim()) : [];
  if (!names.some((v) => v.toLowerCase() === name.toLowerCase())) res.setHeader('vary', [...names, name].join(', '));
}

/** Ends the response with `text`, gzipped when the request allows and the body is worth it. */
export function endWithBody(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  addVary(res, 'Accept-Encoding');
  const raw = Buffer.from(text, 'utf8');
  if (raw.length < MIN_BYTES || !acceptsGzip(req.headers['accept-encoding'])) {
    res.writeHead(status).end(raw);
    return;
  }
  const zipped = gzipSync(raw, { level: 1 });
  res.setHeader('content-encoding', 'gzip');
  res.writeHead(status).end(zipped);
}
