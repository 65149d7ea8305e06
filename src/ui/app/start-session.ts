import type Client from 'fhirclient/lib/Client';
import { failed, type Outcome } from '../failure';
import { parsePractitionerLaunch, type PractitionerLaunch } from '../caseload/practitioner-launch';
import { parseLaunchContext, type LaunchContext } from './launch-context';

export interface Session {
  readonly client: Client;
  readonly launch: LaunchContext;
}

/** Launched without a patient by a signed-in clinician: the caseload opens. */
export interface CaseloadSession {
  readonly client: Client;
  readonly launch: PractitionerLaunch;
  readonly caseload: true;
}

/**
 * Completes the SMART authorization on the app page (fhirclient's `ready`) and validates the context.
 * `url` is the page address as it arrived, before fhirclient strips `code` and `state` from it.
 */
export async function startSession(
  ready: () => Promise<Client>,
  url: URL,
): Promise<Outcome<Session | CaseloadSession>> {
  const authError = url.searchParams.get('error');
  if (authError === 'access_denied') return failed('access-denied');
  if (authError) return failed('auth-error', { params: { detail: authError } });
  // fhirclient falls back to the state it stored when `state` is missing, so a code injected without one
  // (login CSRF: another user's code) would be exchanged. The state is what ties the answer to this request.
  if (url.searchParams.has('code') && !url.searchParams.get('state'))
    return failed('auth-error', { params: { detail: 'state missing from the redirect' } });
  let client: Client;
  try {
    client = await ready();
  } catch (error) {
    return failed(...classifyReadyError(error));
  }
  const fhirUser = fhirUserOf(client);
  const parsed = parseLaunchContext(client.state.tokenResponse, fhirUser, nameOf(client));
  if (parsed.ok) return { ok: true, value: { client, launch: parsed.value } };
  const practitioner =
    parsed.error.reason === 'no-patient' ? parsePractitionerLaunch(client.state.tokenResponse, fhirUser) : undefined;
  if (practitioner) return { ok: true, value: { client, launch: practitioner, caseload: true } };
  return parsed.error.reason === 'no-patient'
    ? failed('no-patient')
    : failed('auth-error', { params: { detail: 'invalid launch context' }, details: parsed.error.errors });
}

type Classified = Parameters<typeof failed>;

function classifyReadyError(error: unknown): Classified {
  const message = error instanceof Error ? error.message : String(error);
  if (/state/i.test(message)) return ['session-expired'];
  if (error instanceof TypeError || /fetch|network/i.test(message))
    return ['unreachable', { params: { detail: 'network error' }, retry: true }];
  const status = typeof error === 'object' && error !== null && 'status' in error ? String(error.status) : undefined;
  return ['auth-error', { params: { detail: status ? `HTTP ${status}` : 'token request failed' } }];
}

/** The OpenID `name` claim, when the EHR puts one in the id token (not every EHR does). */
function nameOf(client: Client): string | undefined {
  const name: unknown = client.getIdToken()?.['name'];
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : undefined;
}

function fhirUserOf(client: Client): string | undefined {
  try {
    return client.getFhirUser() ?? undefined;
  } catch {
    return undefined;
  }
}
