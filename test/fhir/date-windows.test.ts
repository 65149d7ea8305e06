import { describe, expect, it } from 'vitest';
import { coversTotal, dateWindows } from '../../src/fhir/load/date-windows';
import type { Bundle } from '../../src/fhir/schemas/bundle';

const SEARCH = 'QuestionnaireResponse?subject=Patient%2Fp1&_count=1000&_sort=-authored';
const NEXT = 'http://fhir.test/fhir/QuestionnaireResponse?_cursor=abc';
const weekly = (n: number): string => new Date(Date.UTC(2024, 0, 1 + 7 * n, 9)).toISOString().replace('.000Z', 'Z');

/** A first page of `authored` values as a server pages them, with the search's total. */
function page(authored: readonly (string | undefined)[], total: number | undefined): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total === undefined ? {} : { total }),
    link: [{ relation: 'next', url: NEXT }],
    entry: authored.map((a, i) => ({
      resource: { resourceType: 'QuestionnaireResponse', id: `r${i}`, ...(a ? { authored: a } : {}) },
    })),
  };
}

/** The `authored` bounds of each window URL, as written. */
const boundsOf = (url: string): string[] => new URL(url, 'http://fhir.test/fhir/').searchParams.getAll('authored');

const newestFirst = Array.from({ length: 100 }, (_, i) => weekly(1000 - i));

describe('dateWindows', () => {
  it('splits the rest into windows that leave no gap: the newest ends where the page ended, the oldest is open', () => {
    const windowed = dateWindows(SEARCH, page(newestFirst, 4500), NEXT)!;
    expect(windowed).toMatchObject({ total: 4500, next: NEXT });
    const bounds = windowed.urls.map(boundsOf);
    expect(bounds).toHaveLength(6);
    expect(bounds[0]).toEqual([expect.stringMatching(/^ge/), `le${newestFirst.at(-1)}`]);
    for (let i = 1; i < bounds.length - 1; i++)
      expect(bounds[i]).toEqual([expect.stringMatching(/^ge/), `lt${bounds[i - 1]![0]!.slice(2)}`]);
    expect(bounds.at(-1)).toEqual([`lt${bounds.at(-2)![0]!.slice(2)}`]);
    expect(windowed.urls.every((url) => url.startsWith(`${SEARCH}&authored=`))).toBe(true);
  });

  it('spreads the windows over the span the first page’s pace predicts, whatever one far-off date on it says', () => {
    const outlier = [weekly(5000), ...newestFirst.slice(1)];
    const lowest = (authored: readonly string[]) =>
      Date.parse(boundsOf(dateWindows(SEARCH, page(authored, 4500), NEXT)!.urls.at(-1)!)[0]!.slice(2));
    expect(lowest(outlier)).toBe(lowest(newestFirst));
    // 4,400 weekly responses more, before week 901: the oldest window starts a sixth of that span before week 0.
    const expected = Date.parse(weekly(901 - Math.round((4400 * 5) / 6)));
    expect(Math.abs(lowest(newestFirst) - expected)).toBeLessThan(8 * 86_400_000);
  });

  it('puts no bound before 1900, however far back one date on the page reaches', () => {
    const ancient = [...newestFirst.slice(0, -1), '0001-01-01T00:00:00Z'];
    const bounds = dateWindows(SEARCH, page(ancient, 100_000), NEXT)!.urls.flatMap(boundsOf);
    const computed = bounds.filter((b) => !b.startsWith('le')); // `le`: the page's own last response
    expect(computed.length).toBeGreaterThan(0);
    expect(computed.every((b) => b.slice(2, 6) >= '1900')).toBe(true);
    expect(dateWindows(SEARCH, page(['1899-12-31T09:00:00Z', '1899-12-30T09:00:00Z'], 4500), NEXT)).toBeUndefined();
  });

  it('leaves the newest window open when the page is not newest first (a server that ignores _sort)', () => {
    const shuffled = [...newestFirst.slice(50), ...newestFirst.slice(0, 50)];
    expect(boundsOf(dateWindows(SEARCH, page(shuffled, 4500), NEXT)!.urls[0]!)).toEqual([expect.stringMatching(/^ge/)]);
  });

  it('follows next when the page gives no footing or one more page is all there is', () => {
    expect(dateWindows(SEARCH, page(newestFirst, undefined), NEXT)).toBeUndefined();
    expect(dateWindows(SEARCH, page([...newestFirst.slice(1), undefined], 4500), NEXT)).toBeUndefined();
    expect(
      dateWindows(
        SEARCH,
        page(
          newestFirst.map(() => newestFirst[0]),
          4500,
        ),
        NEXT,
      ),
    ).toBeUndefined();
    expect(dateWindows(SEARCH, page(newestFirst, 200), NEXT)).toBeUndefined();
    expect(dateWindows(SEARCH, page(newestFirst, 201), NEXT)?.urls).toHaveLength(2);
  });
});

describe('coversTotal', () => {
  it('counts each response once, by id, against the total', () => {
    const windowed = dateWindows(SEARCH, page(newestFirst, 250), NEXT)!;
    const read = (ids: readonly string[]) => ids.map((id) => ({ resourceType: 'QuestionnaireResponse', id }));
    const all = Array.from({ length: 250 }, (_, i) => `r${i}`);
    expect(coversTotal(windowed, read(all))).toBe(true);
    expect(coversTotal(windowed, read([...all.slice(1), 'r2']))).toBe(false);
  });
});
