import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { CONTENT_TYPES, resolveSitePath, serveFile } from '../../http/site-files';

// Serves the SMART app next to the EHR, on the same origin as an EHR-hosted app would be reachable from
// its frame: Vite in middleware mode while developing, or a built dist/ directory.

export type AppMount = { kind: 'vite-dev' } | { kind: 'static'; dir: string } | { kind: 'none' };

export type AppHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & { close(): Promise<void> };

export function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': CONTENT_TYPES['.txt']! }).end('Not found');
}

/** smart-launch.json as read at start: the registration the app and the auth server share. */
export function sendSmartLaunchJson(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': CONTENT_TYPES['.json']!, 'cache-control': 'no-store' }).end(text);
}

function staticHandler(dir: string): AppHandler {
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const file = resolveSitePath(dir, path);
    if (!file || !(await serveFile(res, file, {}, req.method === 'HEAD'))) notFound(res);
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
      return Object.assign(async (_req: IncomingMessage, res: ServerResponse) => notFound(res), {
        close: async () => {},
      });
  }
}
