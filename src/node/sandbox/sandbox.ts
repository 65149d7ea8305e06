import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import { cdsHooksListener } from '../cds-hooks';
import { createAuthServer, type AuthServer } from './auth/auth-server';
import { readSandboxRegistration, registeredOrigins, type ClientRegistration } from './auth/clients';
import type { Clock } from './auth/expiring-store';
import { createAppHandler, sendSmartLaunchJson, type AppHandler, type AppMount } from './ehr/app-host';
import { engineDirectory } from './ehr/directory';
import { ehrRoutes } from './ehr/ehr-routes';
import { createFhirEngine } from './engine';
import type { FhirEngine } from './engine/types';
import { fhirRequestListener } from './http';
import { closeServer, httpOrigin, listen } from '../http/listen';
import { SEED_TODAY, seedResources } from './seed';

// The whole local EHR on one loopback origin: the FHIR engine behind SMART token enforcement at /fhir,
// the authorization server at /auth, the EHR launch page at /ehr/ and the app itself at /.

export type { AppMount } from './ehr/app-host';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly app: AppMount;
  /** Load the synthetic clients (default true). */
  readonly seed?: boolean;
  /** Keep the store in this file across restarts. */
  readonly dataFile?: string;
  /** Clients registered besides the app's own "Local sandbox" entry of smart-launch.json. */
  readonly clients?: readonly ClientRegistration[];
  /** The seed's "today" (YYYY-MM-DD); the EHR page shows ages on this date so they match the stories. */
  readonly today?: string;
  /** The clock tokens and codes are checked against (tests move it to expire tokens). */
  readonly clock?: Clock;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/fhir` — the `iss` of launches and the `aud` of tokens. */
  readonly fhirBaseUrl: string;
  readonly engine: FhirEngine;
  readonly auth: AuthServer;
  close(): Promise<void>;
}

/** The folder holding package.json, found upward: this module runs from src/ and bundled from .cli-build/. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return `${dir}/`;
    if (dirname(dir) === dir) return `${from}/`;
  }
}

export const REPO_ROOT = findRepoRoot(import.meta.dirname);

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

function router(routes: readonly Route[], fallback: Handler): Handler {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    for (const route of routes) if (await route(req, res, url)) return;
    await fallback(req, res);
  };
}

/** smart-launch.json is read once: the auth server registers its client at start, so a later edit would not apply anyway. */
async function sandboxRegistration(
  extra: readonly ClientRegistration[] = [],
): Promise<{ clients: ClientRegistration[]; smartLaunchJson: string; settings: SmartLaunchConfig }> {
  const registration = await readSandboxRegistration(`${REPO_ROOT}smart-launch.json`);
  if (!registration.ok) throw new Error(registration.error);
  return {
    clients: [...registration.value.clients, ...extra],
    smartLaunchJson: registration.value.text,
    settings: registration.value.settings,
  };
}

/** The one server: until the parts are ready it answers 503; a failing handler answers 500, never crashes. */
function createSandboxServer(): { server: Server; setHandler(h: Handler): void } {
  let handle: Handler = async (_req, res) => {
    res.writeHead(503, { 'retry-after': '1' }).end('The sandbox is starting.');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('sandbox: request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      else res.end();
    });
  });
  return { server, setHandler: (h) => (handle = h) };
}

function prefixRoute(prefix: string, listener: Handler): Route {
  return async (req, res, url) => {
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return false;
    await listener(req, res);
    return true;
  };
}

function smartLaunchRoute(text: string): Route {
  return async (_req, res, url) => {
    if (url.pathname !== '/smart-launch.json') return false;
    sendSmartLaunchJson(res, text);
    return true;
  };
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { clients, smartLaunchJson, settings } = await sandboxRegistration(options.clients);
  const { server, setHandler } = createSandboxServer();
  const url = httpOrigin('127.0.0.1', await listen(server, options.port ?? 0, '127.0.0.1'));
  const today = options.today ?? SEED_TODAY;
  const engine = await createFhirEngine({
    ...((options.seed ?? true) ? { seed: () => seedResources({ today }) } : {}),
    baseUrl: `${url}/fhir`,
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
  });
  const directory = engineDirectory(engine, () => today);
  const auth = await createAuthServer({
    origin: url,
    clients,
    directory,
    engineSettings: engine.settings,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  engine.setSmartEndpoints({ authorize: auth.urls.authorize, token: auth.urls.token });
  // SMART: the FHIR endpoint allows the registered apps' origins, like the token endpoint (an app hosted elsewhere).
  const fhirOrigins = [...new Set([url, ...registeredOrigins(auth.clients)])];
  const fhir = fhirRequestListener({ engine, guard: auth.guard, basePath: '/fhir', allowedOrigins: fhirOrigins });
  const app: AppHandler = await createAppHandler(options.app, REPO_ROOT, server);
  const ehr = ehrRoutes({ origin: url, auth, directory, engine, clientId: clients[0]?.clientId });
  // The CDS Hooks service sits beside the EHR so a patient-view call can be tried against the same data.
  // It applies the organisation's `scoring` and `instrumentMappings` from smart-launch.json, as the app does.
  const cdsHooks = cdsHooksListener({
    appLaunchUrl: `${url}/launch.html`,
    allowedOrigins: [url],
    config: settings.scoring,
    mappings: settings.instrumentMappings,
  });
  setHandler(
    router(
      [
        auth.handle,
        prefixRoute('/fhir', fhir),
        prefixRoute('/cds-services', cdsHooks),
        ehr,
        smartLaunchRoute(smartLaunchJson),
      ],
      app,
    ),
  );
  return {
    url,
    fhirBaseUrl: auth.urls.fhirBaseUrl,
    engine,
    auth,
    async close() {
      await app.close();
      await engine.close();
      await closeServer(server);
    },
  };
}
