import { resolveAgainstBase } from '../gateway/wire';
import { type Bundle, linkUrl } from '../schemas/bundle';

// Long histories come in pages. When every remaining page URL can be known from the first page, they are
// fetched together (one round trip): `next` and `last` differ only in a numeric offset or page
// parameter, or `next` carries an offset and the Bundle states its `total`. Otherwise `next` is
// followed page by page.

const MAX_PAGES = 200;

function numericParams(url: URL): Map<string, number> {
  const out = new Map<string, number>();
  url.searchParams.forEach((value, key) => {
    if (/^\d+$/.test(value)) out.set(key, Number(value));
  });
  return out;
}

/** The single query parameter in which `next` and `last` differ, if that is all they differ in. */
function steppedParam(next: URL, last: URL): { name: string; from: number; to: number } | undefined {
  const a = numericParams(next);
  const b = numericParams(last);
  const differing = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k));
  const [name] = differing;
  if (differing.length !== 1 || !name || next.origin + next.pathname !== last.origin + last.pathname) return undefined;
  const sameElse = [...next.searchParams.keys()].every(
    (k) => k === name || next.searchParams.get(k) === last.searchParams.get(k),
  );
  return sameElse ? { name, from: a.get(name)!, to: b.get(name)! } : undefined;
}

function stepOf(name: string, next: URL): number {
  const count = Number(next.searchParams.get('_count') ?? '');
  return /offset/i.test(name) && count > 0 ? count : 1;
}

/** From `next` and the Bundle's `total`: offsets up to the last result. */
function offsetToTotal(next: URL, total: number | undefined): { name: string; from: number; to: number } | undefined {
  const name = [...next.searchParams.keys()].find((k) => /offset/i.test(k));
  const from = Number(next.searchParams.get(name ?? '') ?? '');
  const count = Number(next.searchParams.get('_count') ?? '');
  if (!name || total === undefined || !Number.isInteger(from) || !(count > 0)) return undefined;
  return { name, from, to: total - 1 };
}

function parse(url: string | undefined, baseUrl: string): URL | undefined {
  if (url === undefined) return undefined;
  try {
    // Relative links are relative to the FHIR base, which may have a path (`…/fhir`) and no trailing slash.
    return new URL(resolveAgainstBase(url, baseUrl));
  } catch {
    return undefined;
  }
}

/** Every page after this one that can be known now (absolute URLs): all of them when computable, else just `next`. */
export function remainingPages(bundle: Bundle, baseUrl: string): string[] {
  const next = linkUrl(bundle, 'next');
  const nextUrl = parse(next, baseUrl);
  if (!next || !nextUrl) return next ? [next] : [];
  const nextOnly = [nextUrl.href];
  const lastUrl = parse(linkUrl(bundle, 'last'), baseUrl);
  const param = (lastUrl && steppedParam(nextUrl, lastUrl)) ?? offsetToTotal(nextUrl, bundle.total);
  if (!param || param.to < param.from) return nextOnly;
  const step = stepOf(param.name, nextUrl);
  const pages: string[] = [];
  for (let value = param.from; value <= param.to && pages.length < MAX_PAGES; value += step) {
    const page = new URL(nextUrl);
    page.searchParams.set(param.name, String(value));
    pages.push(page.href);
  }
  return pages;
}
