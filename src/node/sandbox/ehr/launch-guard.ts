import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fail, succeed, type Result } from '../../../core/result';

// The EHR page's launch form changes server-wide engine settings (its faults), so it only counts when it
// comes from the page itself: a same-origin request (Origin, when sent, names this host; Fetch Metadata,
// when sent, says same-origin) carrying the form token the page was rendered with. A cross-site form POST
// has neither.

/** Allowed, or the reason the launch is refused. */
export type LaunchRequestCheck = Result<undefined>;

function sameToken(sent: string | undefined, expected: string): boolean {
  if (sent === undefined || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // The page sends no referrer, so browsers send `Origin: null` on its own form POST; Fetch Metadata then
  // tells same-origin from a sandboxed or cross-site sender.
  if (origin === 'null') return site === 'same-origin';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function checkLaunchRequest(
  req: IncomingMessage,
  formToken: string | undefined,
  expected: string,
): LaunchRequestCheck {
  if (!sameOrigin(req))
    return fail('A launch can only be started from the EHR page itself (cross-site request refused).');
  if (!sameToken(formToken, expected))
    return fail('The launch form token is missing or wrong: reload the EHR page and launch again.');
  return succeed(undefined);
}
