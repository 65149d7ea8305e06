import { parseFhirDateTime } from '../../core/dates';
import { type Bundle, matchesOf } from '../schemas/bundle';

// A server that pages by cursor (a `next` link that names no offset, so the later pages cannot be worked out)
// would have a long history read one page after another: 45 waits for 4,500 responses in pages of 100. The
// responses are searched newest first, so the first page tells how fast they accumulate; the rest is split
// into date windows by `authored`, each searched on its own and all side by side. The windows leave no gap
// between them (`lt` one bound, `ge` the same bound), the oldest has no lower bound, and the newest ends where
// the first page ended. Whether they found everything is checked against the Bundle's `total` afterwards
// (coversTotal): a response without a date falls in no window, a server may read date bounds its own way, and
// a server that ignores the date filter answers every window with everything (one of them is then followed alone).
// When the count falls short or a window fails, the history is read along `next` after all.

/** Browsers open six connections to one server over HTTP/1.1: more windows would only queue. */
export const PARALLEL_WINDOWS = 6;

/** No bound goes further back (a page with one response dated centuries ago would stretch the pace that far). */
const EARLIEST_BOUND = Date.UTC(1900, 0, 1);

export interface WindowedSearch {
  /** The first page of every window, to be followed along its own `next` links. */
  readonly urls: string[];
  /** The responses the search matches, as its first page stated. */
  readonly total: number;
  /** The first page's `next`: the way to read the rest when the windows fall short. */
  readonly next: string;
}

interface Dated {
  readonly authored: string;
  readonly instant: number;
}

function datedMatches(bundle: Bundle, resourceType: string): Dated[] | undefined {
  const dated: Dated[] = [];
  for (const match of matchesOf(bundle, resourceType)) {
    const authored = (match as { authored?: unknown }).authored;
    const instant = typeof authored === 'string' ? parseFhirDateTime(authored)?.instant : undefined;
    if (typeof authored !== 'string' || instant === undefined) return undefined;
    dated.push({ authored, instant });
  }
  return dated;
}

/** A whole-second instant as a FHIR dateTime in UTC (a search value every server reads the same way). */
function instantParam(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function withParams(url: string, params: readonly string[]): string {
  return `${url}${url.includes('?') ? '&' : '?'}${params.map((p) => `authored=${encodeURIComponent(p)}`).join('&')}`;
}

const isNewestFirst = (dated: readonly Dated[]): boolean =>
  dated.every((d, i) => i === 0 || d.instant <= dated[i - 1]!.instant);

/**
 * Date windows for the rest of a response search (`searchUrl`, sorted newest first) whose first page is `bundle`
 * and whose further pages the server gives only as `next`; undefined when following `next` is as good or the
 * first page gives no footing (no `total`, a response without a date, one instant throughout).
 */
export function dateWindows(
  searchUrl: string,
  bundle: Bundle,
  next: string,
  windows = PARALLEL_WINDOWS,
): WindowedSearch | undefined {
  const dated = datedMatches(bundle, 'QuestionnaireResponse');
  if (bundle.total === undefined || !dated || dated.length < 2) return undefined;
  const remaining = bundle.total - dated.length;
  const count = Math.min(windows, Math.ceil(remaining / Math.max(dated.length, 1)));
  // The first page's pace, carried back over the responses still to read; the oldest window takes whatever is
  // older. The newest tenth is left out of the pace: one response dated years ahead would stretch it.
  const instants = dated.map((d) => d.instant).sort((a, b) => b - a);
  const oldest = instants.at(-1)!;
  const skip = Math.floor(instants.length / 10);
  const pace = (instants[skip]! - oldest) / (instants.length - 1 - skip);
  const span = Math.min(pace * remaining, oldest - EARLIEST_BOUND);
  if (count < 2 || !(pace > 0) || !(span > 0)) return undefined;
  const sorted = isNewestFirst(dated);
  // Sorted as asked, the first page holds everything after its last response; otherwise the newest window is open.
  const top = sorted ? [`le${dated.at(-1)!.authored}`] : [];
  const bounds = Array.from({ length: count - 1 }, (_, i) => instantParam(oldest - ((i + 1) * span) / count));
  const urls = bounds.map((bound, i) =>
    withParams(searchUrl, [`ge${bound}`, ...(i === 0 ? top : [`lt${bounds[i - 1]}`])]),
  );
  urls.push(withParams(searchUrl, [`lt${bounds.at(-1)}`]));
  return { urls, total: bundle.total, next };
}

/** Whether a window's page counts as many as the whole search: the server ignored the date filter. */
export function countsAll(windowed: WindowedSearch, body: unknown): boolean {
  const total = (body as { total?: unknown } | undefined)?.total;
  return typeof total === 'number' && total >= windowed.total;
}

/** Whether the responses read (the first page and every window, duplicates included) account for the search's total. */
export function coversTotal(windowed: WindowedSearch, responses: readonly unknown[]): boolean {
  const ids = new Set<string>();
  for (const r of responses) {
    const id = (r as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids.size >= windowed.total;
}
