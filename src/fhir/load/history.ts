import { supersedes } from '../../core/series/versions';
import { canRead, serverSupports, type ServerCapabilities } from '../capabilities/detect';
import { fhirErrorFrom, isSuccess } from '../gateway/fhir-error';
import type { Administration } from '../../core/model';
import type { FhirTransport } from '../gateway/types';
import type { InstrumentMapping } from '../instrument-mappings';
import type { Observation } from '../schemas/clinical';
import { type Bundle, matchesOf, readBundle } from '../schemas/bundle';
import type { Patient } from '../schemas/patient';
import type { ParseContext } from '../parse/questionnaire-response';
import type { Questionnaire } from '../schemas/questionnaire';
import {
  classifyFlags,
  classifyObservations,
  classifyPatient,
  classifyQuestionnaires,
  classifyResponses,
  type LoadedAdministration,
  type LoadedFlag,
  type UnreadableResource,
} from './classify';
import { earlyParser } from './early-parse';
import { countsAll, coversTotal, dateWindows, type WindowedSearch } from './date-windows';
import { carriedByNotes, notCopies } from './notes';
import { remainingPages } from './paging';
import { type ReadResult, readInBatch, readInParallel, type RoundTripCount } from './round-trip';
import {
  DEFAULT_PAGE_SIZE,
  type HistoryPart,
  type HistorySearch,
  historySearches,
  ourQuestionnaireCanonicals,
} from './searches';

// A client's whole history in as few round trips as the server allows: one batch of six reads, then
// one more round for the further pages of every search at once (more only when a server gives `next`
// links alone). Every resource is validated; nothing of ours is dropped without being listed.

export type { LoadedAdministration, LoadedFlag, UnreadableKind, UnreadableResource } from './classify';
export { isResumable } from './classify';

/** A read that the server refused (403 on Flag, say): the rest of the history still loads. */
export interface LoadFailure {
  readonly resourceType: string;
  readonly status: number;
  readonly messages: readonly string[];
}

export interface LoadStats {
  /** Sequential waves of requests (the launch budget counts these). */
  readonly roundTrips: number;
  /** HTTP requests in total (a batch counts as one). */
  readonly requests: number;
  /** Search result pages read, first pages included. */
  readonly pages: number;
  readonly usedBatch: boolean;
}

export interface History {
  readonly patientId: string;
  /** Undefined when the read failed (see failures) or the Patient was unreadable (see unreadable). */
  readonly patient?: Patient;
  readonly administrations: readonly LoadedAdministration[];
  readonly observations: readonly Observation[];
  readonly flags: readonly LoadedFlag[];
  readonly questionnaires: readonly Questionnaire[];
  readonly unreadable: readonly UnreadableResource[];
  readonly failures: readonly LoadFailure[];
  readonly stats: LoadStats;
}

export interface LoadHistoryOptions {
  readonly patientId: string;
  /** Canonical URLs of our Questionnaires (default: every instrument's). */
  readonly questionnaireCanonicals?: readonly string[];
  /** The server's Questionnaires as this tab already read them (validated): the Questionnaire search is then not sent. */
  readonly knownQuestionnaires?: readonly Questionnaire[];
  /** When given and the server lacks batch, the reads go straight out as parallel GETs. */
  readonly capabilities?: ServerCapabilities;
  readonly pageSize?: number;
  /** The time of loading (ms since the epoch): responses authored beyond it are listed, not counted. */
  readonly now?: number;
  /** smart-launch.json `instrumentMappings`: how other systems' forms are read. */
  readonly mappings?: readonly InstrumentMapping[];
  /**
   * Told of the responses of each page read while further pages are still on their way (a long history), with
   * the Patient: what they need can be done meanwhile (the app scores them).
   */
  readonly onEarlyPage?: (page: EarlyPage) => void;
}

export interface EarlyPage {
  readonly patient: Patient | undefined;
  readonly administrations: readonly Administration[];
}

interface Collected {
  readonly resources: Map<HistoryPart, unknown[]>;
  readonly failures: LoadFailure[];
  patient?: unknown;
  pages: number;
  /** A date window was refused or failed: the windows cannot be complete. */
  windowFailed?: boolean;
}

function failure(search: HistorySearch, result: ReadResult): LoadFailure {
  return { resourceType: search.resourceType, status: result.status, messages: fhirErrorFrom(result).messages };
}

/** What the app can do without: scores and alerts it recomputes, and notes where responses are written as such. */
const OPTIONAL_PARTS: ReadonlySet<HistoryPart> = new Set(['observations', 'flags', 'notes']);

/**
 * A type-level search answers 404 only when the server does not serve that type at all (an empty result is
 * a 200 with an empty Bundle): for an optional read that means "this server has none", not a failure to show
 * the clinician. It happens when the history loads before the CapabilityStatement could rule the search out.
 * A 403 stays a refused read: the server has them and this launch may not see them.
 */
const typeNotServed = (search: HistorySearch, result: ReadResult): boolean =>
  result.status === 404 && OPTIONAL_PARTS.has(search.part);

/** Takes one answer in; returns the search page it was (a Bundle), if it was one. */
function take(collected: Collected, search: HistorySearch, result: ReadResult): Bundle | undefined {
  if (typeNotServed(search, result)) return undefined;
  if (!isSuccess(result.status)) {
    // A server that will not search by date (or fails a window) is read along `next` instead: no failure to show.
    if (search.dateWindow) collected.windowFailed = true;
    else collected.failures.push(failure(search, result));
    return undefined;
  }
  if (search.part === 'patient') {
    collected.patient = result.body;
    return undefined;
  }
  const bundle = readBundle(result.body);
  if (!bundle) {
    collected.failures.push({
      resourceType: search.resourceType,
      status: result.status,
      messages: ['the search answer was not a Bundle'],
    });
    return undefined;
  }
  collected.pages++;
  collected.resources.get(search.part)?.push(...matchesOf(bundle, search.resourceType));
  return bundle;
}

/** The further page URLs a page points to (none for an answer that was no search page). */
const furtherPages = (bundle: Bundle | undefined, baseUrl: string): string[] =>
  bundle ? remainingPages(bundle, baseUrl) : [];

/** The rest of a response search its server pages by cursor, as date windows read side by side (date-windows.ts). */
function inWindows(search: HistorySearch, bundle: Bundle | undefined, further: string[]): WindowedSearch | undefined {
  if (search.part !== 'responses' || further.length !== 1 || !bundle) return undefined;
  return dateWindows(search.url, bundle, further[0]!);
}

async function firstRound(
  transport: FhirTransport,
  searches: readonly HistorySearch[],
  options: LoadHistoryOptions,
  count: RoundTripCount,
) {
  const urls = searches.map((s) => s.url);
  const batch = options.capabilities?.batch === false ? undefined : await readInBatch(transport, urls, count);
  return { results: batch ?? (await readInParallel(transport, urls, count)), usedBatch: batch !== undefined };
}

async function followPages(
  transport: FhirTransport,
  collected: Collected,
  start: [HistorySearch, string][],
  count: RoundTripCount,
  onPage: (search: HistorySearch, result: ReadResult) => void,
  follows: (search: HistorySearch) => boolean = () => true,
) {
  const seen = new Set(start.map(([, url]) => url));
  let pending = start;
  while (pending.length > 0) {
    const searches = pending.map(([search]) => search);
    const results = await readInParallel(
      transport,
      pending.map(([, url]) => url),
      count,
      (result, i) => onPage(searches[i]!, result),
    );
    const next: [HistorySearch, string][] = [];
    results.forEach((result, i) => {
      const search = pending[i]![0];
      for (const url of furtherPages(take(collected, search, result), transport.baseUrl)) {
        if (!seen.has(url) && follows(search)) next.push([search, url]);
        seen.add(url);
      }
    });
    pending = next;
  }
}

/** Same resource on two pages (a server's pages shifting under a write): keep the first. */
function distinct(resources: readonly unknown[]): unknown[] {
  const ids = new Set<string>();
  return resources.filter((r) => {
    const id = (r as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') return true;
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  });
}

/**
 * A search the server's statement says it does not offer is not sent (Flag on a server without Flags); one
 * it offers but the token may not use is, so that the refusal is reported. Notes are optional on both counts.
 */
function offered(search: HistorySearch, caps: ServerCapabilities | undefined): boolean {
  if (!caps || search.part === 'patient') return true;
  if (search.part === 'notes') return canRead(caps, search.resourceType);
  return caps.resources[search.resourceType] === undefined
    ? false
    : serverSupports(caps, search.resourceType, 'search');
}

/** Stored responses by server id; one read from a clinical note (no server id of its own) after them. */
function bySourceId(a: LoadedAdministration, b: LoadedAdministration): number {
  if (a.sourceId === undefined || b.sourceId === undefined)
    return a.sourceId === b.sourceId ? 0 : a.sourceId === undefined ? 1 : -1;
  return a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
}

/**
 * One administration per identifier. Of versions of one administration (a form kept in progress and its
 * completed copy) the newest stands. Two stored copies of one version (a request that landed after the app's
 * look-up, on a server without conditional create) count once: the copy with the smallest server id, whatever
 * order the server listed them in; every other copy is listed, never silently dropped. A response carried by
 * our clinical note comes after those read directly, and is no second copy.
 */
function distinctAdministrations(items: readonly LoadedAdministration[]): {
  items: LoadedAdministration[];
  copies: UnreadableResource[];
} {
  // The usual case, every identifier once: nothing to choose between, so no sort.
  const ids = new Set(items.map((a) => a.administration.id));
  if (ids.size === items.length) return { items: [...items], copies: [] };
  const kept = new Map<string, LoadedAdministration>();
  const copies: UnreadableResource[] = [];
  for (const a of [...items].sort(bySourceId)) {
    const first = kept.get(a.administration.id);
    if (!first || supersedes(a.administration, first.administration)) kept.set(a.administration.id, a);
    else if (supersedes(first.administration, a.administration)) continue;
    else if (a.sourceId !== undefined && a.sourceId !== first.sourceId) copies.push(duplicateCopy(a, first));
  }
  return { items: items.filter((a) => kept.get(a.administration.id) === a), copies };
}

function duplicateCopy(copy: LoadedAdministration, first: LoadedAdministration): UnreadableResource {
  return {
    resourceType: 'QuestionnaireResponse',
    date: copy.administration.authored,
    instrument: copy.administration.instrument,
    kind: 'duplicate',
    reason: `a second copy of the response stored as QuestionnaireResponse/${first.sourceId ?? '?'} (same identifier): counted once`,
    ...(copy.sourceId ? { id: copy.sourceId } : {}),
  };
}

function parseContext(questionnaires: readonly Questionnaire[], options: LoadHistoryOptions): ParseContext {
  return {
    questionnaires,
    patientId: options.patientId,
    mappings: options.mappings ?? [],
    ...(options.now === undefined ? {} : { now: options.now }),
  };
}

export async function loadHistory(transport: FhirTransport, options: LoadHistoryOptions): Promise<History> {
  const all = historySearches(
    options.patientId,
    options.questionnaireCanonicals ?? ourQuestionnaireCanonicals(),
    options.pageSize ?? DEFAULT_PAGE_SIZE,
  );
  const known = options.knownQuestionnaires;
  const searches = all.filter((s) => offered(s, options.capabilities) && !(known && s.part === 'questionnaires'));
  const count: RoundTripCount = { roundTrips: 0, requests: 0 };
  const collected: Collected = { resources: new Map(searches.map((s) => [s.part, []])), failures: [], pages: 0 };
  const first = await firstRound(transport, searches, options, count);
  let windowed: { search: HistorySearch; windows: WindowedSearch } | undefined;
  const morePages = first.results.flatMap((result, i): [HistorySearch, string][] => {
    const search = searches[i]!;
    const bundle = take(collected, search, result);
    const further = furtherPages(bundle, transport.baseUrl);
    const windows = inWindows(search, bundle, further);
    if (!windows) return further.map((url) => [search, url]);
    windowed = { search, windows };
    return windows.urls.map((url) => [{ ...search, dateWindow: true }, url]);
  });
  const part = (p: HistoryPart): unknown[] => distinct(collected.resources.get(p) ?? []);
  const readQuestionnaires = () =>
    known ? { items: [...known], unreadable: [] } : classifyQuestionnaires(part('questionnaires'));
  // Responses on further pages, every Questionnaire in: each page is read as it arrives (early-parse.ts).
  const pending = (p: HistoryPart) => morePages.some(([search]) => search.part === p);
  const early = pending('responses') && !pending('questionnaires') ? readQuestionnaires() : undefined;
  const parser = early && earlyParser(parseContext(early.items, options));
  let patient: ReturnType<typeof classifyPatient> | undefined;
  const readPatient = () => (patient ??= collected.patient === undefined ? {} : classifyPatient(collected.patient));
  const readPage = (body: unknown) => {
    const administrations = parser?.page(body) ?? [];
    if (administrations.length > 0) options.onEarlyPage?.({ patient: readPatient().patient, administrations });
  };
  // A window that counts the whole search (a server that ignores the date filter) is followed alone: the others
  // would only read the same responses again.
  let wholeWindow: HistorySearch | undefined;
  const onPage = (search: HistorySearch, result: ReadResult) => {
    if (search.part !== 'responses' || !isSuccess(result.status)) return;
    if (search.dateWindow && windowed && countsAll(windowed.windows, result.body)) wholeWindow ??= search;
    readPage(result.body);
  };
  const follows = (search: HistorySearch) => !search.dateWindow || !wholeWindow || search === wholeWindow;
  const following = followPages(transport, collected, morePages, count, onPage, follows);
  if (parser) {
    // The first page once the requests for the others are out (the transport sends after a few promise hops).
    await new Promise((resolve) => setTimeout(resolve, 0));
    searches.forEach((search, i) => search.part === 'responses' && readPage(first.results[i]?.body));
  }
  await following;
  // Windows that failed or missed some of the search (a response without a date, a server reading bounds its own
  // way): the history is read on along the first page's `next`.
  const responsesRead = collected.resources.get('responses') ?? [];
  if (windowed && (collected.windowFailed || !coversTotal(windowed.windows, responsesRead)))
    await followPages(transport, collected, [[windowed.search, windowed.windows.next]], count, onPage);

  const { patient: readable, unreadable: patientUnreadable } = readPatient();
  const questionnaires = early ?? readQuestionnaires();
  const notes = carriedByNotes(part('notes'), options.patientId);
  const responses = classifyResponses(
    [...part('responses'), ...notes.responses],
    parseContext(questionnaires.items, options),
    parser?.parse,
  );
  const observations = classifyObservations(part('observations'));
  const carried = classifyObservations(notes.observations);
  const flags = classifyFlags(part('flags'), options.patientId);
  const administrations = distinctAdministrations(responses.items);
  return {
    patientId: options.patientId,
    ...(readable ? { patient: readable } : {}),
    administrations: administrations.items,
    observations: [...observations.items, ...notCopies(carried.items, observations.items)],
    flags: flags.items,
    questionnaires: questionnaires.items,
    unreadable: [
      ...(patientUnreadable ? [patientUnreadable] : []),
      ...questionnaires.unreadable,
      ...responses.unreadable,
      ...administrations.copies,
      ...notes.unreadable,
      ...observations.unreadable,
      ...carried.unreadable,
      ...flags.unreadable,
    ],
    failures: collected.failures,
    stats: { ...count, pages: collected.pages, usedBatch: first.usedBatch },
  };
}
