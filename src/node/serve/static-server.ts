import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { DeployConfig } from './deploy-config';
import { securityHeaders } from './security-headers';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** The built app (vite build output). */
  readonly dir: string;
  /** The deployment's smart-launch.json, served in place of the one in the build. */
  readonly smartLaunchJson: string;
}

/** Maps a URL path into the site directory, refusing anything that would leave it. */
export function resolveSitePath(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(dir, relative);
  return full === dir || full.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? full : undefined;
}

async function serveFile(res: ServerResponse, file: string, headers: Record<string, string>, head: boolean): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, { ...headers, 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'content-length': String(info.size) });
  if (head) res.end();
  else createReadStream(file).pipe(res);
  return true;
}

function handler(site: StaticSite, config: DeployConfig) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = securityHeaders(config, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/smart-launch.json') {
      res.writeHead(200, { ...headers, 'content-type': contentTypes['.json']! }).end(req.method === 'HEAD' ? undefined : site.smartLaunchJson);
      return;
    }
    const file = resolveSitePath(site.dir, path);
    if (file && (await serveFile(res, file, headers, req.method === 'HEAD'))) return;
    res.writeHead(404, { ...headers, 'content-type': contentTypes['.txt']! }).end('Not found');
  };
}

export async function startStaticServer(site: StaticSite, config: DeployConfig): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handler(site, config)(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { server, url: `http://${config.host}:${port}` };
}
