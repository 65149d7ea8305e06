import { parseSmartLaunchConfig, type SmartLaunchConfig } from '../../fhir/smart-launch-config';
import { failed, type Outcome } from '../failure';

/** The runtime configuration lives next to the pages (not in the bundle), so deployers edit it without a rebuild. */
export const CONFIG_PATH = '/smart-launch.json';

export async function loadSmartLaunchConfig(
  fetchFn: typeof fetch,
  origin: string,
): Promise<Outcome<SmartLaunchConfig>> {
  let body: unknown;
  try {
    const response = await fetchFn(new URL(CONFIG_PATH, origin).href, { cache: 'no-cache' });
    if (!response.ok) return failed('config-unavailable', { params: { detail: `HTTP ${response.status}` } });
    body = await response.json();
  } catch (error) {
    const detail = error instanceof SyntaxError ? 'not valid JSON' : 'network error';
    return failed('config-unavailable', { params: { detail }, retry: detail === 'network error' });
  }
  const parsed = parseSmartLaunchConfig(body);
  return parsed.ok ? { ok: true, value: parsed.value } : failed('config-invalid', { details: parsed.error });
}
