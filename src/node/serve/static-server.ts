import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { httpOrigin, listen } from '../http/listen';
import type { DeployConfig } from './deploy-config';
import { securityHeadersFor } from './security-headers';
import { CONTENT_TYPES, resolveSitePath, serveFile } from '../http/site-files';

export interface StaticSite {
  /** The built app (vite build output). */
  readonly dir: string;
  /** The deployment's smart-launch.json, served in place of the one in the build. */
  readonly smartLaunchJson: string;
}

function handler(site: StaticSite, config: DeployConfig) {
  // The configuration is fixed at start, so the header set (and its CSP) is built once.
  const headersFor = securityHeadersFor(config);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = headersFor(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/smart-launch.json') {
      res
        .writeHead(200, { ...headers, 'content-type': CONTENT_TYPES['.json']! })
        .end(req.method === 'HEAD' ? undefined : site.smartLaunchJson);
      return;
    }
    const file = resolveSitePath(site.dir, path);
    if (file && (await serveFile(res, file, headers, req.method === 'HEAD'))) return;
    res.writeHead(404, { ...headers, 'content-type': CONTENT_TYPES['.txt']! }).end('Not found');
  };
}

export async function startStaticServer(
  site: StaticSite,
  config: DeployConfig,
): Promise<{ server: Server; url: string }> {
  const handle = handler(site, config);
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const port = await listen(server, config.port, config.host);
  return { server, url: httpOrigin(config.host, port) };
}
