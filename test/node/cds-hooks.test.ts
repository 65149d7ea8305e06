import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { RuleDecision } from '../../src/core/model';
import { fetchTransport } from '../../src/fhir/gateway';
import { loadHistory } from '../../src/fhir/load';
import {
  type Card,
  cardsFor,
  type CdsHooksServer,
  prefetchQuery,
  SERVICE_ID,
  startCdsHooksServer,
} from '../../src/node/cds-hooks';
import { uuidV5 } from '../../src/node/cds-hooks/uuid';
import { readSmartLaunchFile } from '../../src/node/config/smart-launch-file';
import { startFhirHttpServer } from '../../src/node/sandbox/http';
import type { FhirHttpServer } from '../../src/node/sandbox/http';
import { sandboxClients } from '../../src/node/sandbox/seed';
import { entriesOf, sharedSeededEngine, type TestEngine } from '../support/engine';

// The service against the real sandbox engine: prefetch built by running the discovery templates, the
// fetch path against the engine over HTTP, and the cards compared with what the app itself decides
// (loadHistory + assessClient, as the app's load does).

type Json = Record<string, unknown>;
const APP_LAUNCH_URL = 'http://127.0.0.1:8080/launch.html';

let engine: TestEngine;
let fhir: FhirHttpServer;
let cds: CdsHooksServer;

// The service and the app both apply the deployment's smart-launch.json (its instrumentMappings read the
// other-system client's forms).
const settings = await readSmartLaunchFile('smart-launch.json');
if (!settings.ok) throw new Error(settings.error);
const { scoring, instrumentMappings: mappings } = settings.value.config;

beforeAll(async () => {
  engine = await sharedSeededEngine();
  fhir = await startFhirHttpServer({ engine, port: 0 });
  cds = await startCdsHooksServer({ port: 0, appLaunchUrl: APP_LAUNCH_URL, config: scoring, mappings });
});

afterAll(async () => {
  await cds.close();
  await fhir.close();
});

async function prefetchFor(patientId: string): Promise<{ patient: unknown; responses: Json }> {
  const patient = await engine.handle({ method: 'GET', path: prefetchQuery('patient', patientId) });
  const responses = await engine.handle({ method: 'GET', path: prefetchQuery('responses', patientId) });
  return { patient: patient.body, responses: responses.body as Json };
}

function hookRequest(patientId: string, extra: Json = {}): Json {
  return {
    hook: 'patient-view',
    hookInstance: `hook-${patientId}`,
    context: { patientId, userId: 'Practitioner/pr1' },
    ...extra,
  };
}

async function post(
  body: unknown,
  init: { contentType?: string; raw?: string } = {},
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${cds.url}/cds-services/${SERVICE_ID}`, {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

async function cardsVia(body: Json): Promise<Card[]> {
  const { status, json } = await post(body);
  expect(status, JSON.stringify(json)).toBe(200);
  return json['cards'] as Card[];
}

/** What the app raises for this client: its own load over HTTP, then the core. */
async function appDecisions(patientId: string): Promise<RuleDecision[]> {
  const history = await loadHistory(fetchTransport({ baseUrl: fhir.baseUrl }), { patientId, mappings });
  const birthDate = history.patient?.birthDate;
  const assessment = assessClient({
    administrations: history.administrations.map((a) => a.administration),
    config: scoring,
    ...(birthDate ? { birthDate } : {}),
  });
  return assessment.decisions.filter((d) => d.flag || d.rule === 'outcome-recovered');
}

const ruleOf = (card: Card): string | undefined => card.source.topic?.code;

describe('CDS Hooks discovery', () => {
  it('lists one patient-view service with the patient and responses prefetch templates', async () => {
    const response = await fetch(`${cds.url}/cds-services`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { services: Json[] };
    expect(body.services).toHaveLength(1);
    expect(body.services[0]).toMatchObject({
      hook: 'patient-view',
      id: 'therapy-feedback-alerts',
      title: expect.any(String),
      description: expect.any(String),
      prefetch: {
        patient: 'Patient/{{context.patientId}}',
        responses: 'QuestionnaireResponse?subject=Patient/{{context.patientId}}&_count=1000',
      },
    });
  });
});

describe('cards from prefetched data', () => {
  it('match the app\'s decisions for every seeded client, with short summaries and never "critical"', async () => {
    for (const { patientId } of sandboxClients()) {
      const cards = await cardsVia(hookRequest(patientId, { prefetch: await prefetchFor(patientId) }));
      const expected = await appDecisions(patientId);
      expect(cards.map(ruleOf), patientId).toEqual(expected.map((d) => d.rule));
      expect(
        cards.map((c) => c.indicator),
        patientId,
      ).toEqual(expected.map((d) => (d.severity === 'high' || d.severity === 'medium' ? 'warning' : 'info')));
      for (const card of cards) expect(card.summary.length, card.summary).toBeLessThan(140);
      expect(new Set(cards.map((c) => c.uuid)).size).toBe(cards.length);
    }
  });

  it('cover the four stories: not on track, deteriorating, alliance concern and recovered', async () => {
    const rulesOf = async (id: string) =>
      (await cardsVia(hookRequest(id, { prefetch: await prefetchFor(id) }))).map(ruleOf);
    const byStory = sandboxClients().map((c) => c.patientId);
    expect(byStory).toEqual(expect.arrayContaining(['p01', 'p02', 'p04', 'p05']));
    expect(await rulesOf('p02')).toEqual(['outcome-not-on-track-early']);
    expect(await rulesOf('p04')).toEqual(expect.arrayContaining(['outcome-deterioration']));
    expect(await rulesOf('p05')).toEqual(['alliance-concern']);
    expect(await rulesOf('p01')).toEqual(['outcome-recovered']);
  });

  it('explain the alert: plain summary, evidence sessions with dates and scores, next step, and a SMART link naming the rule', async () => {
    const [card] = await cardsVia(hookRequest('p02', { prefetch: await prefetchFor('p02') }));
    const [decision] = await appDecisions('p02');
    const history = await loadHistory(fetchTransport({ baseUrl: fhir.baseUrl }), { patientId: 'p02' });
    const assessment = assessClient({ administrations: history.administrations.map((a) => a.administration) });
    const evidence = assessment.series.outcome.filter((p) => decision!.evidence.includes(p.administrationId));
    expect(evidence).toHaveLength(2);
    expect(card!.summary).toBe(
      `ORS: not on track at session ${evidence[1]!.sessionNumber} — discuss progress with the client`,
    );
    for (const point of evidence)
      expect(card!.detail).toContain(`ORS, session ${point.sessionNumber}, ${point.date}: ${point.total}`);
    expect(card!.detail).toMatch(/Suggested next step:\*\* Talk with the client/);
    expect(card!.detail).toContain('not a diagnosis');
    expect(card!.source).toMatchObject({ label: 'Therapy Feedback', topic: { code: 'outcome-not-on-track-early' } });
    expect(card!.links).toEqual([
      {
        label: 'Open Therapy Feedback',
        url: APP_LAUNCH_URL,
        type: 'smart',
        appContext: JSON.stringify({ rule: 'outcome-not-on-track-early' }),
      },
    ]);
  });

  it('say "warning" for a high-severity deterioration and "info" for a recovery', async () => {
    const p04 = await cardsVia(hookRequest('p04', { prefetch: await prefetchFor('p04') }));
    expect(p04.find((c) => ruleOf(c) === 'outcome-deterioration')).toMatchObject({
      indicator: 'warning',
      summary: expect.stringMatching(/^ORS: reliably worse than at intake \(22\.4 → 16\.9\)/),
    });
    const [p01] = await cardsVia(hookRequest('p01', { prefetch: await prefetchFor('p01') }));
    expect(p01).toMatchObject({ indicator: 'info', summary: expect.stringMatching(/^ORS: reliably improved/) });
  });

  it('count unreadable responses: an info card says so and the alert cards mention it', async () => {
    const prefetch = await prefetchFor('p02');
    const entry = [
      ...((prefetch.responses['entry'] as Json[]) ?? []),
      { resource: { resourceType: 'QuestionnaireResponse', id: 'broken', status: 'completed' } },
    ];
    const cards = await cardsVia(
      hookRequest('p02', { prefetch: { ...prefetch, responses: { ...prefetch.responses, entry } } }),
    );
    expect(cards.map((c) => c.summary)).toEqual([
      expect.stringMatching(/^ORS: not on track/),
      '1 Therapy Feedback response could not be read — open the app to see why',
    ]);
    expect(cards[0]!.detail).toContain('1 response in the record could not be read');
  });

  it('count a response nested 1,000 levels deep as unreadable, answering 200 (no stack overflow, no 500)', async () => {
    let item: Json = { linkId: '1', answer: [{ valueDecimal: 5 }] };
    for (let level = 0; level < 1000; level++) item = { linkId: `g${level}`, item: [item] };
    const deep = {
      resourceType: 'QuestionnaireResponse',
      id: 'deep',
      status: 'completed',
      subject: { reference: 'Patient/p02' },
      authored: '2024-05-01',
      item: [item],
    };
    const prefetch = await prefetchFor('p02');
    const entry = [...((prefetch.responses['entry'] as Json[]) ?? []), { resource: deep }];
    const cards = await cardsVia(
      hookRequest('p02', { prefetch: { ...prefetch, responses: { ...prefetch.responses, entry } } }),
    );
    expect(cards.map((c) => c.summary)).toContain(
      '1 Therapy Feedback response could not be read — open the app to see why',
    );
  });

  it('leave out responses of another client that an EHR put in the prefetch', async () => {
    const own = await prefetchFor('p01');
    const other = await prefetchFor('p04');
    const entry = [...(own.responses['entry'] as Json[]), ...(other.responses['entry'] as Json[])];
    const mixed = await cardsVia(hookRequest('p01', { prefetch: { ...own, responses: { ...own.responses, entry } } }));
    expect(mixed).toEqual(await cardsVia(hookRequest('p01', { prefetch: own })));
  });

  it('answer no cards when the EHR has nothing for either template (null)', async () => {
    expect(await post(hookRequest('p02', { prefetch: { patient: null, responses: null } }))).toEqual({
      status: 200,
      json: { cards: [] },
    });
  });
});

describe('cards from data the service fetches itself', () => {
  it('are the same cards, with the same uuids, as from prefetch', async () => {
    for (const patientId of ['p02', 'p03', 'p04']) {
      const fromPrefetch = await cardsVia(hookRequest(patientId, { prefetch: await prefetchFor(patientId) }));
      const fetched = await cardsVia(hookRequest(patientId, { fhirServer: fhir.baseUrl }));
      expect(fetched.length).toBeGreaterThan(0);
      expect(fetched).toEqual(fromPrefetch);
      expect(await cardsVia(hookRequest(patientId, { fhirServer: fhir.baseUrl }))).toEqual(fetched);
    }
  });

  it('fetch only the missing key, sending the fhirAuthorization token', async () => {
    const guarded = await startFhirHttpServer({
      engine,
      port: 0,
      guard: async (request, next) =>
        request.headers?.['authorization'] === 'Bearer token-for-cds'
          ? next(request)
          : { status: 401, headers: {}, body: { resourceType: 'OperationOutcome', issue: [] } },
    });
    try {
      const { patient } = await prefetchFor('p04');
      const authorization = {
        access_token: 'token-for-cds',
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'patient/*.read',
        subject: 'cds',
      };
      const cards = await cardsVia(
        hookRequest('p04', { fhirServer: guarded.baseUrl, fhirAuthorization: authorization, prefetch: { patient } }),
      );
      expect(cards.map(ruleOf)).toEqual((await appDecisions('p04')).map((d) => d.rule));
      const refused = await post(hookRequest('p04', { fhirServer: guarded.baseUrl, prefetch: { patient } }));
      expect(refused.status).toBe(412);
      expect(JSON.stringify(refused.json)).toContain('refused the QuestionnaireResponse search (HTTP 401)');
    } finally {
      await guarded.close();
    }
  });

  it('answer 412 when a key is missing and there is no FHIR server to fetch it from', async () => {
    const { patient } = await prefetchFor('p02');
    const response = await post(hookRequest('p02', { prefetch: { patient } }));
    expect(response.status).toBe(412);
    expect(response.json).toEqual({
      error: {
        status: 412,
        message: 'prefetch.responses is missing and the request names no fhirServer to fetch it from.',
      },
    });
  });

  it('answer 412 when the FHIR server cannot be reached', async () => {
    const response = await post(hookRequest('p02', { fhirServer: 'http://127.0.0.1:1/fhir' }));
    expect(response.status).toBe(412);
    expect(JSON.stringify(response.json)).toContain('did not answer');
  });
});

describe("responses that refer to the server's copy of our Questionnaire by id", () => {
  async function byServerCopy(patientId: string): Promise<{ patient: unknown; responses: Json }> {
    const prefetch = await prefetchFor(patientId);
    const entry = (prefetch.responses['entry'] as { resource: Json }[]).map((e) => {
      const canonical = String(e.resource['questionnaire']);
      return {
        resource: { ...e.resource, questionnaire: `Questionnaire/${canonical.split('|')[0]!.split('/').at(-1)!}` },
      };
    });
    return { ...prefetch, responses: { ...prefetch.responses, entry } };
  }

  it('are read as the app reads them: the service fetches our Questionnaires when it can', async () => {
    const prefetch = await byServerCopy('p03');
    const cards = await cardsVia(hookRequest('p03', { prefetch, fhirServer: fhir.baseUrl }));
    expect(cards).toEqual(await cardsVia(hookRequest('p03', { prefetch: await prefetchFor('p03') })));
  });

  it('are counted as unreadable, not silently dropped, when there is no server to ask', async () => {
    const prefetch = await byServerCopy('p03');
    // Without the Questionnaire nothing declares their units (no instrumentMappings entry): every one is of
    // unknown scale, never guessed.
    const entry = prefetch.responses['entry'] as { resource: Json }[];
    const count = entry.length;
    expect(count).toBeGreaterThan(0);
    const cards = await cardsVia(hookRequest('p03', { prefetch }));
    expect(cards.at(-1)!.summary).toBe(
      `${count} Therapy Feedback responses could not be read — open the app to see why`,
    );
  });
});

describe('card uuids', () => {
  it('are name-based UUIDs (RFC 9562 version 5 test vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('stay the same for the same evidence and change when the evidence changes', async () => {
    const { patient, responses } = await prefetchFor('p04');
    const all = (responses['entry'] as { resource: Json }[]).map((e) => e.resource);
    const input = { patientId: 'p04', patient, responses: all, appLaunchUrl: APP_LAUNCH_URL };
    const notOnTrack = (cards: Card[]) => cards.find((c) => ruleOf(c) === 'outcome-not-on-track-early')?.uuid;
    const first = cardsFor(input);
    expect(cardsFor({ ...input, responses: [...all].reverse() })).toEqual(first);
    const outcomes = all
      .filter((r) => String(r['questionnaire']).includes('/Questionnaire/ors'))
      .sort((a, b) => String(a['authored']).localeCompare(String(b['authored'])));
    const earlier = cardsFor({ ...input, responses: all.filter((r) => r !== outcomes.at(-1)) });
    expect(notOnTrack(first)).toBeDefined();
    expect(notOnTrack(earlier)).toBeDefined();
    expect(notOnTrack(earlier)).not.toBe(notOnTrack(first));
  });
});

describe('bad requests', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'no patientId',
      { hook: 'patient-view', hookInstance: 'x', context: { userId: 'Practitioner/1' } },
      /context\.patientId: missing/,
    ],
    ['another hook', { ...hookRequest('p01'), hook: 'order-sign' }, /hook: expected "patient-view"/],
    [
      'no hookInstance',
      { hook: 'patient-view', context: { patientId: 'p01', userId: 'Practitioner/1' } },
      /hookInstance: missing/,
    ],
    ['a patientId that would change the query', hookRequest('p01&_count=1'), /context\.patientId: expected a FHIR id/],
    [
      'no userId',
      { hook: 'patient-view', hookInstance: 'x', context: { patientId: 'p01' } },
      /context\.userId: missing/,
    ],
    [
      'a token without a server',
      hookRequest('p01', { fhirAuthorization: { access_token: 'a', token_type: 'Bearer' } }),
      /fhirServer: required when fhirAuthorization is given/,
    ],
    [
      'a token that is not Bearer',
      hookRequest('p01', {
        fhirServer: 'http://127.0.0.1:1/fhir',
        fhirAuthorization: { access_token: 'a', token_type: 'MAC' },
      }),
      /fhirAuthorization\.token_type: expected "Bearer"/,
    ],
    [
      'a server that is not a URL',
      hookRequest('p01', { fhirServer: 'not a url' }),
      /fhirServer: expected an http\(s\) URL/,
    ],
    [
      'responses that are not a Bundle',
      hookRequest('p01', { prefetch: { patient: null, responses: { resourceType: 'Patient' } } }),
      /prefetch\.responses: expected a searchset Bundle/,
    ],
  ];
  for (const [name, body, message] of cases) {
    it(`answers 400 with the reason: ${name}`, async () => {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect((response.json['error'] as Json)['message']).toMatch(message);
    });
  }

  it('answers 400 for a body that is not JSON and 415 for another content type', async () => {
    expect((await post(undefined, { raw: '{"hook":' })).status).toBe(400);
    expect((await post(undefined, { raw: '<xml/>', contentType: 'application/xml' })).status).toBe(415);
    const empty = await post(undefined, { raw: '' });
    expect(empty).toEqual({
      status: 400,
      json: { error: { status: 400, message: 'The request has no body: send the CDS Hooks request as JSON.' } },
    });
  });

  it('answers 404 elsewhere, 405 for the wrong method, and CORS for loopback origins only', async () => {
    expect((await fetch(`${cds.url}/cds-services/other`)).status).toBe(404);
    expect((await fetch(`${cds.url}/cds-services`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${cds.url}/cds-services/${SERVICE_ID}`)).status).toBe(405);
    const preflight = await fetch(`${cds.url}/cds-services/${SERVICE_ID}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect((await fetch(`${cds.url}/cds-services`, { headers: { origin: 'https://elsewhere.example' } })).status).toBe(
      403,
    );
  });
});

describe('the engine answers the templates as an EHR would', () => {
  it('returns one unpaged searchset for the longest history (p13)', async () => {
    const { responses } = await prefetchFor('p13');
    expect(entriesOf(responses).length).toBeGreaterThan(400);
    expect((responses['link'] as { relation: string }[] | undefined)?.some((l) => l.relation === 'next') ?? false).toBe(
      false,
    );
  });
});
