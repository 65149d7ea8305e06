import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthServer } from '../auth/auth-server';
import { registeredOrigins } from '../auth/clients';
import type { Directory } from '../auth/directory';
import { PAGE_CSP, readParams, redirect, sendHtml } from '../auth/http-io';
import type { FhirEngine } from '../engine/types';
import { latestEncounter } from './directory';
import { ehrPage, EHR_SCRIPT_PATH, type EhrPageInput, type LaunchedView } from './ehr-page';
import { EHR_SCRIPT } from './ehr-script';
import { parseLaunchForm } from './launch-form';
import { checkLaunchRequest } from './launch-guard';
import { randomToken } from '../auth/keys';

// `/ehr/`: the chart page, and `/ehr/launch` which creates an EHR launch context and shows the chart with
// the app in its frame (post, then redirect, so a reload does not launch twice).

/**
 * The page's one script comes from this origin, nothing inline; its frame may hold any registered app, wherever
 * that app is hosted (an EHR frames apps from other origins).
 */
function ehrCsp(auth: AuthServer): string {
  const apps = [...registeredOrigins(auth.clients)].filter((o) => o !== 'null').join(' ');
  return `${PAGE_CSP.replace("frame-src 'self'", `frame-src 'self' ${apps}`.trim())}; script-src 'self'`;
}

export interface EhrRoutesDeps {
  readonly origin: string;
  readonly auth: AuthServer;
  readonly directory: Directory;
  readonly engine: FhirEngine;
  /** The client whose registration the page shows (the app's). */
  readonly clientId?: string;
}

/** What one routes instance renders into every page and expects back. */
interface PageSecrets {
  readonly csp: string;
  /** The launch form's anti-CSRF token, one per sandbox start. */
  readonly formToken: string;
}

/** The app's launch URL as an EHR opens it; a launch without patient opens the app's caseload entry. */
export function launchUrlFor(origin: string, fhirBaseUrl: string, launchId?: string, caseload = false): string {
  const url = new URL('/launch.html', origin);
  if (caseload) url.searchParams.set('view', 'caseload');
  url.searchParams.set('iss', fhirBaseUrl);
  if (launchId) url.searchParams.set('launch', launchId);
  return url.href;
}

async function pageInput(
  deps: EhrRoutesDeps,
  formToken: string,
  launchId: string | undefined,
  errors: readonly string[] = [],
): Promise<EhrPageInput> {
  const [patients, clinicians] = await Promise.all([deps.directory.patients(), deps.directory.clinicians()]);
  const { fhirBaseUrl } = deps.auth.urls;
  const context = launchId ? deps.auth.readLaunch(launchId) : undefined;
  const launched: LaunchedView | undefined =
    launchId && context
      ? {
          launchId,
          launchUrl: launchUrlFor(deps.origin, fhirBaseUrl, launchId, context.patient === undefined),
          context,
          ...(context.clinician ? { fhirUser: `${fhirBaseUrl}/Practitioner/${context.clinician}` } : {}),
          ...optional(
            'patient',
            patients.find((p) => p.id === context.patient),
          ),
          ...optional(
            'clinician',
            clinicians.find((c) => c.id === context.clinician),
          ),
        }
      : undefined;
  const client = deps.clientId ? deps.auth.clients.get(deps.clientId) : [...deps.auth.clients.values()][0];
  return {
    patients,
    clinicians,
    fhirBaseUrl,
    standaloneUrl: launchUrlFor(deps.origin, fhirBaseUrl),
    client,
    errors,
    formToken,
    ...(launched ? { launched } : {}),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

async function createLaunch(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: EhrRoutesDeps,
  page: PageSecrets,
): Promise<void> {
  const params = (await readParams(req, url)) ?? {};
  const allowed = checkLaunchRequest(req, params.formToken, page.formToken);
  if (!allowed.ok)
    return sendHtml(res, 403, ehrPage(await pageInput(deps, page.formToken, undefined, [allowed.error])), page.csp);
  const form = parseLaunchForm(params);
  const [patients, clinicians] = await Promise.all([deps.directory.patients(), deps.directory.clinicians()]);
  const errors = form.ok
    ? [
        ...(form.value.patient === undefined || patients.some((p) => p.id === form.value.patient)
          ? []
          : ['Unknown patient.']),
        ...(clinicians.some((c) => c.id === form.value.clinician) ? [] : ['Unknown clinician.']),
      ]
    : form.error;
  if (!form.ok || errors.length > 0)
    return sendHtml(res, 400, ehrPage(await pageInput(deps, page.formToken, undefined, errors)), page.csp);
  const { patient, clinician, needPatientBanner, faults } = form.value;
  const encounter = patient === undefined ? undefined : await latestEncounter(deps.engine, patient);
  const clinicianName = clinicians.find((c) => c.id === clinician)?.name;
  const launchId = deps.auth.createLaunch({
    clinician,
    ...(clinicianName ? { clinicianName } : {}),
    needPatientBanner,
    faults,
    ...(patient ? { patient } : {}),
    ...(encounter ? { encounter } : {}),
  });
  res.writeHead(303, { location: `/ehr/?launch=${encodeURIComponent(launchId)}`, 'cache-control': 'no-store' }).end();
}

export function ehrRoutes(deps: EhrRoutesDeps) {
  // Fixed once the clients are registered, so built once.
  const page: PageSecrets = { csp: ehrCsp(deps.auth), formToken: randomToken() };
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === '/ehr') {
      redirect(res, '/ehr/');
      return true;
    }
    if (url.pathname === '/ehr/' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendHtml(
        res,
        200,
        ehrPage(await pageInput(deps, page.formToken, url.searchParams.get('launch') ?? undefined)),
        page.csp,
      );
      return true;
    }
    if (url.pathname === EHR_SCRIPT_PATH) {
      res
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' })
        .end(EHR_SCRIPT);
      return true;
    }
    if (url.pathname === '/ehr/launch' && req.method === 'POST') {
      await createLaunch(req, res, url, deps, page);
      return true;
    }
    return false;
  };
}
