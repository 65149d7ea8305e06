// The whole save journey as the app runs it: fhirclient (browser build) → the gateway's transport → MSW →
// the real sandbox engine. Capabilities from the live CapabilityStatement, flags from the core's rules.
import FHIR from 'fhirclient';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { detectCapabilities } from '../../src/fhir/capabilities';
import { fhirclientTransport } from '../../src/fhir/gateway';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { buildWriteSet, Outbox, recordBasis, planWrites, type WriteSet } from '../../src/fhir/write';
import type { FhirGuard } from '../../src/node/sandbox/http';
import { freshEngine, type TestEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';

const BASE = 'http://ehr.example.test/fhir';
const SCOPES = 'launch openid fhirUser patient/*.cruds';
let engine: TestEngine;
let guard: FhirGuard | undefined;
const msw = setupServer();

beforeAll(async () => {
  engine = await freshEngine();
  msw.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  msw.resetHandlers();
  guard = undefined;
  engine.settings.transactionFault = undefined;
});
afterAll(() => msw.close());

function useServer(): void {
  msw.use(...fhirHandlers(engine, BASE, (request, next) => (guard ? guard(request, next) : next(request))));
}

const client = (): ReturnType<typeof FHIR.client> =>
  FHIR.client({ serverUrl: BASE, tokenResponse: { access_token: 'token', patient: 'p1', scope: SCOPES } });

function ors(n: number, mm: number): Administration {
  const answers = Object.fromEntries(instruments.ors.items.map((item) => [item.linkId, mm]));
  return {
    id: `flow-ors-${n}`,
    instrument: 'ors',
    authored: `2025-05-0${n}T09:00:00+02:00`,
    status: 'completed',
    answers,
  };
}

function writeSetAfter(history: Administration[]): WriteSet {
  const latest = history.at(-1)!;
  return buildWriteSet({
    response: buildQuestionnaireResponse(instruments.ors, latest, {
      subject: 'Patient/p1',
      identifierValue: latest.id,
    }),
    administration: latest,
    assessment: assessClient({ administrations: history, birthDate: '1985-02-02' }),
    activeFlags: [],
    builtOn: recordBasis(history.slice(0, -1)),
    evidenceReference: () => undefined,
    context: {
      patient: 'Patient/p1',
      clinician: 'Practitioner/c1',
      clientRated: true,
      recorded: '2025-05-05T09:10:00Z',
      app: { name: 'Therapy Feedback', version: '0.1.0' },
    },
  });
}

async function planFor(c: ReturnType<typeof client>): Promise<ReturnType<typeof planWrites>> {
  return planWrites(detectCapabilities(await c.request('metadata'), SCOPES));
}

it('saves a session in one round trip through fhirclient, and a reload re-sends nothing new', async () => {
  useServer();
  const c = client();
  const writeSet = writeSetAfter([ors(1, 80), ors(2, 50)]);
  const report = await new Outbox(sessionStorage).save(fhirclientTransport(c), writeSet, await planFor(c));
  expect(report.status).toBe('saved');
  expect(report.roundTrips).toBe(1);
  expect(report.entries.find((e) => e.kind === 'flag-create')?.label).toBe('the flag "outcome-deterioration"');

  const again = await new Outbox(sessionStorage).save(fhirclientTransport(client()), writeSet, await planFor(c));
  expect(again.entries.map((e) => e.outcome)).toEqual(report.entries.map((e) => e.outcome));
});

it('a server that refuses Flags still gets the response and score, and the refusal is worded for people', async () => {
  useServer();
  guard = async (request, next) => {
    const body = request.body as { entry?: { request?: { url?: string } }[] } | undefined;
    const touchesFlag =
      request.path.startsWith('Flag') || (body?.entry ?? []).some((e) => e.request?.url?.startsWith('Flag'));
    if (request.method !== 'POST' || !touchesFlag) return next(request);
    return {
      status: 403,
      headers: { 'content-type': 'application/fhir+json' },
      body: {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Flags are managed by the EHR' } }],
      },
    };
  };
  const c = client();
  const report = await new Outbox(sessionStorage).save(
    fhirclientTransport(c),
    writeSetAfter([ors(1, 80), ors(3, 40)]),
    await planFor(c),
  );
  expect(report.status).toBe('partly-saved');
  expect(report.entries.find((e) => e.kind === 'flag-create')?.outcome).toEqual({
    status: 'refused',
    reason: 'Flags are managed by the EHR',
    httpStatus: 403,
  });
  expect(report.refusedInteractions).toEqual([
    { resourceType: 'Flag', interaction: 'create', reason: 'Flags are managed by the EHR' },
  ]);
  expect(report.entries.filter((e) => e.kind !== 'flag-create').every((e) => e.outcome.status === 'saved')).toBe(true);
});

it('an expired session keeps the save in the Outbox for after the re-launch', async () => {
  useServer();
  const c = client();
  const plan = await planFor(c);
  guard = async () => ({
    status: 401,
    headers: {},
    body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] },
  });
  const writeSet = writeSetAfter([ors(4, 70)]);
  const outbox = new Outbox(sessionStorage);
  const report = await outbox.save(fhirclientTransport(c), writeSet, plan);
  expect(report.status).toBe('session-expired');
  expect(outbox.pending().saves.map((s) => s.key)).toEqual([writeSet.key]);

  guard = undefined;
  const [resent] = await outbox.resendAll(fhirclientTransport(client()), { patientId: 'p1', plan: () => plan });
  expect(resent?.status).toBe('saved');
  expect(outbox.pending().saves).toEqual([]);
});
