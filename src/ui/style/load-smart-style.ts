import { applySmartStyle, readSmartStyle } from './smart-style';

// Fetched once after the launch, beside the history, never in its way: the first chart does not wait for
// it, and any failure (network, CSP, not JSON, nothing valid) leaves the app's own look.

const TIMEOUT_MS = 5000;

/** Whether the style was applied (some of it, at least). */
export async function loadSmartStyle(
  fetchFn: typeof fetch,
  url: string | undefined,
  root: HTMLElement,
): Promise<boolean> {
  if (!url) return false;
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) return false;
    const response = await fetchFn(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return false;
    const { style, rejected } = readSmartStyle(await response.json());
    if (rejected.length > 0) console.warn(`EHR style (smart_style_url): left out ${rejected.join('; ')}`);
    applySmartStyle(root, style);
    return Object.keys(style).length > 0;
  } catch {
    return false;
  }
}
