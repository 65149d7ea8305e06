import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

// Files of a built site, served by the production static server and by the sandbox's static app mount:
// one path check and one content-type table, so the sandbox serves the build as production does.

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Source maps give the app's whole source to anyone who asks; the build keeps them (`hidden`) for
 * reading stack traces offline, and they are never served.
 */
const NEVER_SERVED = /\.map$/i;

/** Maps a URL path into the site directory, refusing anything that would leave it, and source maps. */
export function resolveSitePath(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || NEVER_SERVED.test(decoded)) return undefined;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(dir, relative);
  return full === dir || full.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? full : undefined;
}

/** Streams the file with its content type and length; false (nothing sent) when it is not a file. */
export async function serveFile(
  res: ServerResponse,
  file: string,
  headers: Readonly<Record<string, string>>,
  head: boolean,
): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    ...headers,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
  });
  if (head) res.end();
  else createReadStream(file).pipe(res);
  return true;
}
