import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../../../core/result';
import type { EngineSettings } from '../engine/types';
import type { FhirGuard } from '../http/types';
import { authorize, completePick, type AuthorizeDeps, type AuthorizeOutcome } from './authorize';
import { registeredOrigins, resolveClients, type ClientRegistration, type RegisteredClient } from './clients';
import type { Grant, LaunchContext, PendingAuthorization, PendingCode } from './context';
import type { Directory } from './directory';
import { authUrls, openidConfiguration, smartConfiguration, SMART_STYLE, type AuthUrls } from './discovery';
import { createExpiringStore, type Clock } from './expiring-store';
import { applyFaultsToSettings } from './faults';
import { createSmartGuard } from './guard';
import { errorPage } from './html';
import { readParams, redirect, sendHtml, sendJson } from './http-io';
import { generateSigningKeys, jwks, type SigningKeys } from './keys';
import { pickPage } from './pick-page';
import { exchangeToken, type TokenDeps } from './token';
import { createTokenChains } from './token-chains';

// The SMART authorization server of the sandbox: discovery, authorize (+ standalone picker), token, JWKS,
// the style document, and the guard that enforces its tokens on the FHIR endpoint.

const CODE_LIFETIME_MS = 60_000;
const LAUNCH_LIFETIME_MS = 8 * 3600_000;
const REFRESH_LIFETIME_MS = 8 * 3600_000;
const PENDING_LIFETIME_MS = 10 * 60_000;

export interface AuthServerOptions {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly clients: readonly ClientRegistration[];
  readonly directory: Directory;
  /** The engine's settings, where server-side faults of a launch are written. */
  readonly engineSettings?: EngineSettings;
  readonly clock?: Clock;
}

export interface AuthServer {
  readonly urls: AuthUrls;
  readonly guard: FhirGuard;
  readonly keys: SigningKeys;
  /** Creates the opaque `launch` of an EHR launch; the launch's server-side faults take effect now. */
  createLaunch(context: LaunchContext): string;
  /** The context behind a launch id, for the EHR page to show. */
  readLaunch(launchId: string): LaunchContext | undefined;
  /** The registered clients, redirect URIs resolved. */
  readonly clients: ReadonlyMap<string, RegisteredClient>;
  /** Answers `/auth/*` and `/fhir/.well-known/*`; false when the path is not its own. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export async function createAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const clock = options.clock ?? Date.now;
  const urls = authUrls(options.origin);
  const keys = await generateSigningKeys();
  const clients = resolveClients(options.clients, options.origin);
  const corsOrigins = registeredOrigins(clients);
  const launches = createExpiringStore<LaunchContext>(LAUNCH_LIFETIME_MS, clock);
  const authorizeDeps: AuthorizeDeps = {
    clients,
    fhirBaseUrl: urls.fhirBaseUrl,
    launches,
    codes: createExpiringStore<PendingCode>(CODE_LIFETIME_MS, clock),
    pending: createExpiringStore<PendingAuthorization>(PENDING_LIFETIME_MS, clock),
  };
  // Remembered as long as a refresh token lives, which outlives codes and access tokens.
  const chains = createTokenChains(REFRESH_LIFETIME_MS, clock);
  const tokenDeps: TokenDeps = {
    keys,
    issuer: urls.issuer,
    fhirBaseUrl: urls.fhirBaseUrl,
    styleUrl: urls.style,
    clock,
    codes: authorizeDeps.codes,
    refreshTokens: createExpiringStore<Grant>(REFRESH_LIFETIME_MS, clock),
    chains,
  };
  const routes = authRoutes({ urls, keys, authorizeDeps, tokenDeps, corsOrigins, directory: options.directory });
  return {
    urls,
    keys,
    guard: createSmartGuard({ keys, issuer: urls.issuer, fhirBaseUrl: urls.fhirBaseUrl, clock, chains }),
    createLaunch(context) {
      if (options.engineSettings) applyFaultsToSettings(options.engineSettings, context.faults);
      return launches.put(context);
    },
    readLaunch: (launchId) => launches.get(launchId),
    clients,
    handle: routes,
  };
}

interface RouteDeps {
  readonly urls: AuthUrls;
  readonly keys: SigningKeys;
  readonly authorizeDeps: AuthorizeDeps;
  readonly tokenDeps: TokenDeps;
  readonly corsOrigins: ReadonlySet<string>;
  readonly directory: Directory;
}

const ANY_ORIGIN = { 'access-control-allow-origin': '*' };

function tokenCors(req: IncomingMessage, origins: ReadonlySet<string>): Record<string, string> {
  const origin = req.headers.origin;
  return origin && origins.has(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

async function answerAuthorize(res: ServerResponse, outcome: AuthorizeOutcome, deps: RouteDeps): Promise<void> {
  if (outcome.kind === 'error-page') return sendHtml(res, outcome.status, errorPage(outcome.message));
  if (outcome.kind === 'redirect') return redirect(res, outcome.location);
  const [patients, clinicians] = await Promise.all([deps.directory.patients(), deps.directory.clinicians()]);
  sendHtml(
    res,
    200,
    pickPage({
      action: deps.urls.pick,
      pendingId: outcome.pendingId,
      needsPatient: outcome.needsPatient,
      patients,
      clinicians,
    }),
  );
}

async function handlePick(req: IncomingMessage, res: ServerResponse, url: URL, deps: RouteDeps): Promise<void> {
  const params = await readParams(req, url);
  const [patients, clinicians] = await Promise.all([deps.directory.patients(), deps.directory.clinicians()]);
  // Only ids the directory knows are accepted: the form is user input like any other.
  const patient = patients.find((p) => p.id === params?.patient)?.id;
  const clinician = clinicians.find((c) => c.id === params?.clinician)?.id;
  const outcome = completePick(
    params?.pending ?? '',
    { ...(patient ? { patient } : {}), ...(clinician ? { clinician } : {}) },
    deps.authorizeDeps,
  );
  await answerAuthorize(res, outcome, deps);
}

async function handleToken(req: IncomingMessage, res: ServerResponse, url: URL, deps: RouteDeps): Promise<void> {
  const cors = tokenCors(req, deps.corsOrigins);
  if (req.method === 'OPTIONS') {
    res
      .writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, authorization',
      })
      .end();
    return;
  }
  if (req.method !== 'POST')
    return sendJson(res, 405, { error: 'invalid_request', error_description: 'use POST' }, { ...cors, allow: 'POST' });
  const form = await readParams(req, url);
  const outcome = form
    ? await exchangeToken(form, deps.tokenDeps)
    : fail({ status: 413, body: { error: 'invalid_request', error_description: 'body too large' } });
  const headers = { ...cors, 'cache-control': 'no-store', pragma: 'no-cache' };
  if (outcome.ok) sendJson(res, 200, outcome.value, headers);
  else sendJson(res, outcome.error.status, outcome.error.body, headers);
}

function authRoutes(deps: RouteDeps) {
  const { urls } = deps;
  const discovery = new Map<string, () => unknown>([
    [new URL(`${urls.fhirBaseUrl}/.well-known/smart-configuration`).pathname, () => smartConfiguration(urls)],
    [new URL(`${urls.issuer}/.well-known/openid-configuration`).pathname, () => openidConfiguration(urls)],
    [new URL(urls.jwks).pathname, () => jwks(deps.keys)],
    [new URL(urls.style).pathname, () => SMART_STYLE],
  ]);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const document = discovery.get(url.pathname);
    if (document) {
      sendJson(res, 200, document(), { ...ANY_ORIGIN, 'cache-control': 'no-cache' });
      return true;
    }
    switch (url.pathname) {
      case new URL(urls.authorize).pathname: {
        const params = await readParams(req, url);
        await answerAuthorize(
          res,
          params
            ? authorize(params, deps.authorizeDeps)
            : { kind: 'error-page', status: 413, message: 'Request too large.' },
          deps,
        );
        return true;
      }
      case new URL(urls.pick).pathname:
        await handlePick(req, res, url, deps);
        return true;
      case new URL(urls.token).pathname:
        await handleToken(req, res, url, deps);
        return true;
      default:
        return false;
    }
  };
}
