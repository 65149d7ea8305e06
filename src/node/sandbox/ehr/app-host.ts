import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { resolveSitePath } from '../../serve/static-server';

// Serves the SMART app next to the EHR, on the same origin as an EHR-hosted app would be reachable from
// its frame: Vite in middleware mode while developing, or a built dist/ directory.

export type AppMount = { kind: 'vite-dev' } | { kind: 'static'; dir: string } | { kind: 'none' };

export type AppHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & { close(): Promise<void> };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** smart-launch.json from the repository root: the registration the app and the auth server share. */
export async function serveSmartLaunchJson(res: ServerResponse, repoRoot: string): Promise<void> {
  const text = await readFile(join(repoRoot, 'smart-launch.json'), 'utf8');
  res.writeHead(200, { 'content-type': CONTENT_TYPES['.json']!, 'cache-control': 'no-store' }).end(text);
}

function staticHandler(dir: string): AppHandler {
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const file = resolveSitePath(dir, path);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return notFound(res);
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': String(info.size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  return Object.assign(handler, { close: async () => {} });
}

async function viteHandler(root: string, httpServer: Server): Promise<AppHandler> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    root,
    appType: 'mpa',
    logLevel: 'warn',
    // Hot reload rides on the sandbox's own server instead of opening a second port.
    server: { middlewareMode: true, ws: { server: httpServer } },
  });
  const handler = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve) => {
      vite.middlewares(req, res, () => {
        notFound(res);
        resolve();
      });
      res.once('close', () => resolve());
    });
  return Object.assign(handler, { close: () => vite.close() });
}

export async function createAppHandler(mount: AppMount, repoRoot: string, httpServer: Server): Promise<AppHandler> {
  switch (mount.kind) {
    case 'vite-dev':
      return viteHandler(repoRoot, httpServer);
    case 'static':
      return staticHandler(mount.dir);
    case 'none':
      return Object.assign(async (_req: IncomingMessage, res: ServerResponse) => notFound(res), { close: async () => {} });
  }
}
