import FHIR from 'fhirclient';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { CODE_SYSTEM_URL, questionnaireUrl, RUPTURE_NOTE_CODES } from '../../src/fhir/codes';
import { detectCapabilities } from '../../src/fhir/capabilities';
import { fhirclientTransport, type FhirTransport } from '../../src/fhir/gateway';
import { type EarlyPage, type History, loadHistory } from '../../src/fhir/load';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { createFhirEngine } from '../../src/node/sandbox/engine';
import type { EngineRequest, EngineResponse, FhirEngine } from '../../src/node/sandbox/engine/types';
import { engineOverMsw } from '../support/msw-fhir';

const BASE = 'http://fhir.test/fhir';
const SESSIONS = 200;
let engine: FhirEngine;
/** Answers instead of the engine, or rewrites its answer (a server that refuses one read). */
type Intercept = (request: EngineRequest, next: () => Promise<EngineResponse>) => Promise<EngineResponse>;
let intercept: Intercept | undefined;
const mock = { requests: [] as unknown[] };

const transport = (): FhirTransport =>
  fhirclientTransport(FHIR.client({ serverUrl: BASE, tokenResponse: { access_token: 't', scope: 'patient/*.rs' } }));
const day = (n: number): string => new Date(Date.UTC(2023, 0, 2 + n, 9)).toISOString().replace('.000Z', '+00:00');

function response(instrument: 'ors' | 'srs', n: number): fhir4.QuestionnaireResponse {
  const answers = Object.fromEntries(
    instruments[instrument].items.map((item, i) => [item.linkId, 40 + ((n + i) % 50)]),
  );
  const admin: Administration = {
    id: `${instrument}-${n}`,
    instrument,
    authored: day(n),
    status: 'completed',
    answers,
  };
  return buildQuestionnaireResponse(instruments[instrument], admin, {
    subject: 'Patient/p1',
    identifierValue: `${instrument}-${n}`,
  });
}

async function create(resource: object): Promise<void> {
  const type = (resource as { resourceType: string }).resourceType;
  const answer = await engine.handle({
    method: 'POST',
    path: type,
    body: resource,
    headers: { 'content-type': 'application/fhir+json' },
  });
  if (answer.status >= 300) throw new Error(`seed ${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function seed(): Promise<void> {
  await engine.handle({
    method: 'PUT',
    path: 'Patient/p1',
    body: { resourceType: 'Patient', id: 'p1', birthDate: '1990-05-01', name: [{ family: 'Test' }] },
  });
  await create({ resourceType: 'Questionnaire', url: questionnaireUrl('ors'), version: '1.0.0', status: 'active' });
  for (let n = 0; n < SESSIONS; n++) {
    await create(response('ors', n));
    await create(response('srs', n));
  }
  const bad = response('ors', 999);
  bad.item![0]!.answer = [{ valueString: 'a lot' }];
  await create(bad);
  await create({
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ code: 'survey' }] }],
    code: { coding: [{ system: CODE_SYSTEM_URL, code: 'ors-total' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: day(1),
    valueQuantity: { value: 31.5 },
  });
  await create({
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ code: 'survey' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
    subject: { reference: 'Patient/p1' },
    valueQuantity: { value: 4 },
  });
  await create({
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ code: 'survey' }] }],
    code: { coding: [{ system: CODE_SYSTEM_URL, code: RUPTURE_NOTE_CODES.note }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: day(3),
    valueCodeableConcept: { coding: [{ system: CODE_SYSTEM_URL, code: 'withdrawal' }] },
  });
  await create({
    resourceType: 'Flag',
    status: 'active',
    code: { coding: [{ system: CODE_SYSTEM_URL, code: 'alliance-concern' }] },
    subject: { reference: 'Patient/p1' },
  });
  await create({
    resourceType: 'Flag',
    status: 'inactive',
    code: { coding: [{ system: CODE_SYSTEM_URL, code: 'outcome-deterioration' }] },
    subject: { reference: 'Patient/p1' },
    period: { start: day(1), end: day(2) },
  });
}

const server = setupServer();
beforeAll(async () => {
  engine = await createFhirEngine({ baseUrl: BASE });
  await seed();
  const { handlers, requests } = engineOverMsw(engine, BASE, (req, next) =>
    intercept ? intercept(req, () => next(req)) : next(req),
  );
  mock.requests = requests;
  server.use(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  intercept = undefined;
  mock.requests.length = 0;
  engine.settings.batch = true;
});
afterAll(() => server.close());

describe('loadHistory against the sandbox engine', () => {
  it(`loads a ${SESSIONS}-session history in one batch round trip`, async () => {
    const history = await loadHistory(transport(), { patientId: 'p1' });
    expect(history.failures).toEqual([]);
    expect(history.patient?.birthDate).toBe('1990-05-01');
    expect(history.administrations).toHaveLength(2 * SESSIONS);
    expect(history.administrations.every((a) => !a.foreign)).toBe(true);
    expect(history.questionnaires.map((q) => q.url)).toEqual([questionnaireUrl('ors')]);
    // Of the survey Observations only our rupture note is read: not our score Observation, nor the LOINC one.
    expect(history.observations.map((o) => o.code.coding?.[0]?.code)).toEqual([RUPTURE_NOTE_CODES.note]);
    expect(history.flags.map((f) => f.active.rule)).toEqual(['alliance-concern']);
    expect(history.stats).toMatchObject({ roundTrips: 1, requests: 1, usedBatch: true });
    expect(mock.requests).toHaveLength(1);
  });

  it('lists the unreadable response with its date, instrument and reason', async () => {
    const history = await loadHistory(transport(), { patientId: 'p1' });
    expect(history.unreadable).toEqual([
      expect.objectContaining({
        resourceType: 'QuestionnaireResponse',
        instrument: 'ors',
        date: day(999),
        kind: 'answers',
        reason: expect.stringMatching(/^item\[0\]\.answer\[0\]: expected a number/),
      }),
    ]);
  });

  it('counts a response stored twice (same identifier) once, whichever copy the server lists first, and lists the other copy', async () => {
    const copy = await engine.handle({
      method: 'POST',
      path: 'QuestionnaireResponse',
      body: response('ors', 5),
      headers: { 'content-type': 'application/fhir+json' },
    });
    const copyId = (copy.body as fhir4.QuestionnaireResponse).id;
    try {
      const history = await loadHistory(transport(), { patientId: 'p1' });
      expect(history.administrations).toHaveLength(2 * SESSIONS);
      const counted = history.administrations.filter((a) => a.administration.id === 'ors-5').map((a) => a.sourceId);
      expect(counted).toHaveLength(1);
      const listed = history.unreadable.filter((u) => u.kind === 'duplicate');
      expect(listed).toEqual([
        {
          resourceType: 'QuestionnaireResponse',
          id: expect.any(String),
          instrument: 'ors',
          date: day(5),
          kind: 'duplicate',
          reason: `a second copy of the response stored as QuestionnaireResponse/${counted[0] ?? ''} (same identifier): counted once`,
        },
      ]);
      // Of the two copies, one is counted and the other listed.
      expect([counted[0], listed[0]?.id]).toContain(copyId);
      expect(counted[0]).not.toBe(listed[0]?.id);
    } finally {
      await engine.handle({ method: 'DELETE', path: `QuestionnaireResponse/${copyId ?? ''}` });
    }
  });

  it('follows paging: all pages of every search in one more round trip', async () => {
    const history = await loadHistory(transport(), { patientId: 'p1', pageSize: 50 });
    expect(history.administrations).toHaveLength(2 * SESSIONS);
    expect(new Set(history.administrations.map((a) => a.administration.id)).size).toBe(2 * SESSIONS);
    expect(history.stats.roundTrips).toBe(2);
    expect(history.stats.pages).toBeGreaterThanOrEqual(9);
    expect(mock.requests).toHaveLength(history.stats.requests);
  });

  describe('on a server that pages by cursor with a cap on _count (no later page can be worked out)', () => {
    const isDateWindow = (request: EngineRequest): boolean => new URL(request.path, BASE).searchParams.has('authored');

    /**
     * A server that ignores `authored`: it answers the search without it, and its paging links still carry the
     * window they belong to (as a server echoes what it was asked), so each window's pages have their own URLs.
     */
    const ignoringDates: Intercept = async (request, next) => {
      const url = new URL(request.path, BASE);
      const window = url.searchParams.getAll('authored').join() || url.searchParams.get('window');
      if (!window) return next();
      url.searchParams.delete('authored');
      url.searchParams.delete('window');
      const answer = await engine.handle({ ...request, path: `${url.pathname.replace('/fhir/', '')}${url.search}` });
      const bundle = answer.body as { link?: { relation: string; url: string }[] };
      const link = bundle.link?.map((l) => ({ ...l, url: `${l.url}&window=${encodeURIComponent(window)}` }));
      return { ...answer, body: { ...bundle, link } };
    };

    async function cursorPaged(vendor: 'open' | 'oracle-like' = 'open'): Promise<[History, History]> {
      const whole = await loadHistory(transport(), { patientId: 'p1' });
      engine.settings.cursorPaging = { maxPageSize: 100 };
      engine.settings.vendor = vendor;
      try {
        return [whole, await loadHistory(transport(), { patientId: 'p1' })];
      } finally {
        engine.settings.cursorPaging = undefined;
        engine.settings.vendor = 'open';
      }
    }

    it('reads the same history in date windows from a server that behaves like oracle-like (no batch, no Flag)', async () => {
      const [whole, paged] = await cursorPaged('oracle-like');
      expect(paged.administrations).toEqual(whole.administrations);
      expect(paged.unreadable).toEqual(whole.unreadable);
      expect(paged.stats).toMatchObject({ usedBatch: false, roundTrips: 3 });
    });

    it('reads the rest of a long history in date windows side by side, to the same history', async () => {
      const [whole, paged] = await cursorPaged();
      expect(paged.failures).toEqual([]);
      expect(paged.administrations).toEqual(whole.administrations);
      expect(paged.unreadable).toEqual(whole.unreadable);
      // 401 responses in pages of 100: the first with the batch, then the other 301 in four windows at once
      // (followed page after page, that would have been four more round trips).
      expect(paged.stats).toMatchObject({ roundTrips: 2, requests: 5 });
    });

    it('gets the same history from a server that ignores the date filter, following one window alone', async () => {
      intercept = ignoringDates;
      const [whole, paged] = await cursorPaged();
      expect(paged.administrations).toEqual(whole.administrations);
      expect(paged.unreadable).toEqual(whole.unreadable);
      // One window counting all 401 is followed alone (4 more pages), not all four: the batch, 4 windows, 4 pages.
      expect(paged.stats.requests).toBe(9);
    });

    it('reads along next, with nothing to report, from a server that refuses to search by date', async () => {
      const refused = { status: 400, headers: {}, body: { resourceType: 'OperationOutcome', issue: [] } };
      intercept = (request, next) => (isDateWindow(request) ? Promise.resolve(refused) : next());
      const [whole, paged] = await cursorPaged();
      expect(paged.failures).toEqual([]);
      expect(paged.administrations).toEqual(whole.administrations);
      expect(paged.unreadable).toEqual(whole.unreadable);
    });

    it('reads on along next when the windows miss a response the total counts', async () => {
      // A server that reads date bounds its own way: the oldest response is in no window.
      const oldest = 'ors-0';
      intercept = async (request, next) => {
        const answer = await next();
        if (!isDateWindow(request)) return answer;
        const bundle = answer.body as { entry?: { resource?: { identifier?: { value?: string } } }[] };
        const entry = bundle.entry?.filter((e) => e.resource?.identifier?.value !== oldest);
        return { ...answer, body: { ...bundle, entry } };
      };
      const [whole, paged] = await cursorPaged();
      // Read last, the missed response comes after the others of its instant (the core orders them itself).
      const byId = (h: History) => [...h.administrations].sort((a, b) => (a.sourceId! < b.sourceId! ? -1 : 1));
      expect(byId(paged)).toEqual(byId(whole));
      expect(paged.administrations.some((a) => a.administration.id === oldest)).toBe(true);
      expect(paged.unreadable).toEqual(whole.unreadable);
      // The windows' round, then the first page's next links one after another.
      expect(paged.stats.roundTrips).toBeGreaterThan(2);
    });
  });

  it('tells of the responses of each page read while others load, with the Patient, each response once', async () => {
    // The further pages are answered once the first page has been told of: they arrive while it is read.
    let release: () => void = () => undefined;
    const firstTold = new Promise<void>((resolve) => (release = resolve));
    intercept = async (request, next) => {
      if (new URL(request.path, BASE).searchParams.has('_offset')) await firstTold;
      return next();
    };
    const pages: EarlyPage[] = [];
    const history = await loadHistory(transport(), {
      patientId: 'p1',
      pageSize: 50,
      onEarlyPage: (p) => {
        pages.push(p);
        release();
      },
    });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((p) => p.patient?.birthDate === '1990-05-01')).toBe(true);
    const told = pages.flatMap((p) => p.administrations);
    expect(new Set(told).size).toBe(told.length);
    expect(new Set(told)).toEqual(new Set(history.administrations.map((a) => a.administration)));
    const single: EarlyPage[] = [];
    await loadHistory(transport(), { patientId: 'p1', onEarlyPage: (p) => single.push(p) });
    expect(single).toEqual([]); // one page: nothing to do meanwhile
  });

  it('gives the same history whatever order the further pages arrive in (each is read as it arrives)', async () => {
    const whole = await loadHistory(transport(), { patientId: 'p1' });
    // The later a page, the sooner it is answered: the last page arrives first.
    intercept = async (request, next) => {
      const offset = Number(new URL(request.path, BASE).searchParams.get('_offset') ?? 0);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 500 - offset)));
      return next();
    };
    const paged = await loadHistory(transport(), { patientId: 'p1', pageSize: 50 });
    expect(paged.stats.pages).toBeGreaterThanOrEqual(9);
    expect(paged.administrations).toEqual(whole.administrations);
    expect(paged.unreadable).toEqual(whole.unreadable);
  });

  it('reports a refused Flag read and loads the rest', async () => {
    intercept = async (req, next) => {
      const answer = await next();
      if (req.method !== 'POST') return answer;
      const bundle = answer.body as {
        entry: { response: { status: string; outcome?: unknown }; resource?: unknown }[];
      };
      bundle.entry[3] = {
        response: {
          status: '403 Forbidden',
          outcome: {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Flag not in scope' } }],
          },
        },
      };
      return answer;
    };
    const history = await loadHistory(transport(), { patientId: 'p1' });
    expect(history.failures).toEqual([{ resourceType: 'Flag', status: 403, messages: ['Flag not in scope'] }]);
    expect(history.flags).toEqual([]);
    expect(history.administrations).toHaveLength(2 * SESSIONS);
  });

  it('refuses what a search answer holds of another patient, and lists responses dated in the future', async () => {
    const otherPatients = { ...response('ors', 500), id: 'other-1', subject: { reference: 'Patient/p2' } };
    const from2099 = { ...response('ors', 501), id: 'future-1', authored: '2099-01-01T09:00:00+00:00' };
    const otherFlag = {
      resourceType: 'Flag',
      id: 'other-flag',
      status: 'active',
      code: { coding: [{ system: CODE_SYSTEM_URL, code: 'outcome-deterioration' }] },
      subject: { reference: 'Patient/p2' },
    };
    intercept = async (req, next) => {
      const answer = await next();
      if (req.method !== 'POST') return answer;
      const pages = (
        answer.body as { entry: { resource?: { entry?: { resource: { resourceType: string } }[] } }[] }
      ).entry.map((e) => e.resource?.entry);
      pages
        .find((page) => page?.[0]?.resource.resourceType === 'QuestionnaireResponse')
        ?.push({ resource: otherPatients }, { resource: from2099 });
      pages.find((page) => page?.[0]?.resource.resourceType === 'Flag')?.push({ resource: otherFlag });
      return answer;
    };
    const history = await loadHistory(transport(), { patientId: 'p1', now: Date.parse('2026-06-01T00:00:00Z') });
    expect(history.administrations).toHaveLength(2 * SESSIONS);
    expect(history.flags.map((f) => f.active.rule)).toEqual(['alliance-concern']);
    expect(history.unreadable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resourceType: 'QuestionnaireResponse',
          id: 'other-1',
          kind: 'other-client',
          reason: 'subject: another patient, not the one the app was opened for',
        }),
        expect.objectContaining({
          resourceType: 'QuestionnaireResponse',
          id: 'future-1',
          date: '2099-01-01T09:00:00+00:00',
          kind: 'future-date',
          reason: expect.stringMatching(/^authored: in the future/),
        }),
        expect.objectContaining({
          resourceType: 'Flag',
          id: 'other-flag',
          kind: 'other-client',
          reason: 'subject: another patient, not the one the app was opened for',
        }),
      ]),
    );
  });

  it('falls back to parallel GETs when the server refuses batch', async () => {
    engine.settings.batch = false;
    const history = await loadHistory(transport(), { patientId: 'p1' });
    expect(history.administrations).toHaveLength(2 * SESSIONS);
    // One batch refused, then six GETs (our notes among them).
    expect(history.stats).toMatchObject({ roundTrips: 2, requests: 7, usedBatch: false });
  });

  it('goes straight to parallel GETs (one round trip) when the capabilities say there is no batch', async () => {
    engine.settings.batch = false;
    const metadata = await engine.handle({ method: 'GET', path: 'metadata' });
    const capabilities = detectCapabilities(metadata.body, 'patient/*.rs');
    intercept = async (req, next): Promise<EngineResponse> =>
      req.path.startsWith('Flag')
        ? {
            status: 403,
            headers: {},
            body: {
              resourceType: 'OperationOutcome',
              issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'no Flag access' }],
            },
          }
        : next();
    const history = await loadHistory(transport(), { patientId: 'p1', capabilities });
    expect(history.stats).toMatchObject({ roundTrips: 1, requests: 6, usedBatch: false });
    expect(history.failures).toEqual([{ resourceType: 'Flag', status: 403, messages: ['no Flag access'] }]);
    expect(history.administrations).toHaveLength(2 * SESSIONS);
  });
});

describe('detectCapabilities on the engine CapabilityStatement', () => {
  it.each([
    [{ transactions: true, batch: true, conditionalCreate: true }],
    [{ transactions: false, batch: true, conditionalCreate: false }],
    [{ transactions: false, batch: false, conditionalCreate: true }],
  ])('reflects %o', async (settings) => {
    Object.assign(engine.settings, settings);
    const metadata = await engine.handle({ method: 'GET', path: 'metadata' });
    const caps = detectCapabilities(metadata.body, 'patient/QuestionnaireResponse.crs patient/Flag.rs');
    expect(caps).toMatchObject({
      fhirVersion: expect.stringMatching(/^4\.0/),
      transaction: settings.transactions,
      batch: settings.batch,
      revinclude: true,
    });
    expect(caps.unsupportedReason).toBeUndefined();
    expect(caps.resources['Observation']?.conditionalCreate).toBe(settings.conditionalCreate);
    expect(caps.resources['QuestionnaireResponse']?.interactions).toMatchObject({
      read: true,
      search: true,
      create: true,
      update: true,
      delete: true,
    });
    Object.assign(engine.settings, { transactions: true, batch: true, conditionalCreate: true });
  });
});
