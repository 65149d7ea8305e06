// Reads a request body with a size limit (the one reader for JSON bodies and the auth server's forms)
// and parses it as JSON: FHIR JSON or JSON Patch.
import type { IncomingMessage } from 'node:http';
import { fail, succeed, type Result } from '../../core/result';

export type BodyResult = Result<unknown, { status: 400 | 413 | 415; message: string }>;

const JSON_TYPES = /^application\/(fhir\+json|json|json-patch\+json)\b/i;

/** The whole body, or 'too-large' as soon as it passes the limit (the rest is drained so the answer still arrives). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too-large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const raw = await readBody(req, limit);
  if (raw === 'too-large') return fail({ status: 413, message: `Request body larger than ${limit} bytes.` });
  if (raw.length === 0) return succeed(undefined);
  const type = req.headers['content-type'] ?? '';
  if (!JSON_TYPES.test(type))
    return fail({ status: 415, message: `Unsupported content type "${type}": send application/fhir+json.` });
  try {
    return succeed(JSON.parse(raw.toString('utf8')) as unknown);
  } catch (err) {
    return fail({ status: 400, message: `The body is not valid JSON: ${(err as Error).message}` });
  }
}
