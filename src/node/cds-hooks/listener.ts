import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScoringConfig } from '../../core/config';
import type { InstrumentMapping } from '../../fhir/instrument-mappings';
import { readJsonBody } from '../http/body';
import { allowOrigin, answerPreflight, type Preflight } from '../http/cors';
import { type Authorizer, authorizer, type TrustedEhrs } from './auth';
import { cardsFor } from './cards';
import { type FetchOptions, gatherClientData } from './client-data';
import { discoveryResponse, SERVICE_ID } from './discovery';
import { parseHookRequest } from './request';

// The service over node:http: discovery, the patient-view service, CORS for browser-based EHRs and JSON
// errors. Nothing about the patient is logged: the optional log line names the route, status and counts.

export interface CdsHooksListenerOptions extends FetchOptions {
  /** The app's SMART launch URL, linked from every card. */
  readonly appLaunchUrl: string;
  /** EHR origins allowed by CORS (exact match), or '*'. Default: loopback origins only. */
  readonly allowedOrigins?: readonly string[] | '*';
  /** When set, every service call must carry a JWT signed by one of these EHRs. */
  readonly trust?: TrustedEhrs;
  readonly config?: ScoringConfig;
  /** smart-launch.json `instrumentMappings`, applied as the app applies them. */
  readonly mappings?: readonly InstrumentMapping[];
  /** Largest request body in bytes (default 20 MB: prefetch holds the whole history). */
  readonly maxBodyBytes?: number;
  readonly log?: (line: string) => void;
}

export type CdsHooksListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const DISCOVERY_PATH = '/cds-services';
const SERVICE_PATH = `${DISCOVERY_PATH}/${SERVICE_ID}`;
const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: { status, message } });
}

const PREFLIGHT: Preflight = { methods: 'GET, POST, OPTIONS', headers: 'Authorization, Content-Type, Accept' };

async function callService(
  req: IncomingMessage,
  res: ServerResponse,
  options: CdsHooksListenerOptions,
): Promise<string> {
  const body = await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
  if (!body.ok) return fail(res, body.error.status, body.error.message);
  const parsed = parseHookRequest(body.value);
  if (!parsed.ok) return fail(res, 400, parsed.error);
  const gathered = await gatherClientData(parsed.value, options);
  if (!gathered.ok) return fail(res, gathered.error.status, gathered.error.message);
  const cards = cardsFor({
    patientId: parsed.value.context.patientId,
    ...gathered.value.data,
    appLaunchUrl: options.appLaunchUrl,
    ...(options.config ? { config: options.config } : {}),
    ...(options.mappings ? { mappings: options.mappings } : {}),
    now: Date.now(),
  });
  sendJson(res, 200, { cards });
  return `${cards.length} cards, ${gathered.value.data.responses.length} responses${gathered.value.fetched.length ? `, fetched ${gathered.value.fetched.join('+')}` : ''}`;
}

function fail(res: ServerResponse, status: number, message: string): string {
  sendError(res, status, message);
  return message;
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: CdsHooksListenerOptions,
  authorize: Authorizer,
): Promise<string> {
  const path = new URL(req.url ?? '/', 'http://service.invalid').pathname.replace(/\/+$/, '');
  if (path !== DISCOVERY_PATH && path !== SERVICE_PATH)
    return fail(res, 404, `No CDS Hooks endpoint at ${path || '/'}: discovery is at ${DISCOVERY_PATH}.`);
  const method = path === DISCOVERY_PATH ? 'GET' : 'POST';
  if (req.method !== method) {
    res.setHeader('Allow', `${method}, OPTIONS`);
    return fail(res, 405, `Use ${method} here.`);
  }
  // Discovery holds nothing about patients, so it answers without a token (EHRs often fetch it at setup).
  if (path === DISCOVERY_PATH) {
    sendJson(res, 200, discoveryResponse());
    return 'discovery';
  }
  const allowed = await authorize(req, path);
  if (!allowed.ok) return fail(res, 401, allowed.error);
  return callService(req, res, options);
}

export function cdsHooksListener(options: CdsHooksListenerOptions): CdsHooksListener {
  const authorize = authorizer(options.trust);
  return async (req, res) => {
    const started = performance.now();
    let outcome: string;
    if (!allowOrigin(req, res, options.allowedOrigins)) {
      // A refused origin gets the service's JSON error, even on a preflight.
      sendError(res, 403, 'This origin may not call the service.');
      outcome = 'origin refused';
    } else if (req.method === 'OPTIONS') {
      answerPreflight(res, true, PREFLIGHT);
      outcome = 'preflight';
    } else {
      try {
        outcome = await route(req, res, options, authorize);
      } catch (error) {
        // A bug, not an expected failure: answer 500 without details (they could hold patient data).
        if (!res.headersSent) sendError(res, 500, 'The service failed unexpectedly.');
        outcome = `failed: ${error instanceof Error ? error.name : 'unknown error'}`;
      }
    }
    options.log?.(
      `${req.method ?? '?'} ${SERVICE_ID} ${res.statusCode} ${outcome} ${Math.round(performance.now() - started)} ms`,
    );
  };
}
