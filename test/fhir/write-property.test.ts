// Property: whatever goes wrong on the wire, and whichever plan the server allows (transaction, batch or
// single requests, with or without conditional create), a course of sessions ends with each administration
// stored exactly once, its score and its Provenance exactly once, and the Flags on the server matching the
// rules (at most one active per rule, and exactly the rules that hold). Late delivery included: a request
// that timed out for the app lands within the landing window, possibly after the app's next request.
// `WRITE_PROPERTY_RUNS=1000` runs the full measurement (60 runs in the suite).
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { instruments } from '../../src/core/instruments';
import type { Administration, RuleCode } from '../../src/core/model';
import { EXTENSIONS, IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { Outbox } from '../../src/fhir/write/outbox';
import { planWrites } from '../../src/fhir/write/plan';
import { buildWriteSet, recordBasis, type ActiveFlagOnServer } from '../../src/fhir/write/write-set';
import { CLINICIAN } from './write-fixtures';
import { startTestServer, type Fault, type TestServer } from './write-support';

let server: TestServer;
let run = 0;
/** The writer's landing window (its default, the request timeout): no request lands later than this. */
const LANDING_WINDOW_MS = 30_000;
const RUNS = Number(process.env['WRITE_PROPERTY_RUNS'] ?? 60);

beforeAll(async () => {
  server = await startTestServer();
});

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  // Requests that go through, so that the faults after them hit later requests (writes after look-ups).
  fc.constant<Fault>({ kind: 'pass' }),
  fc.constant<Fault>({ kind: 'pass' }),
  fc.constant<Fault>({ kind: 'status', status: 500 }),
  fc.constant<Fault>({ kind: 'status', status: 503 }),
  fc.constant<Fault>({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }),
  fc.constant<Fault>({ kind: 'network' }),
  fc.constant<Fault>({ kind: 'timeout' }),
  fc.constant<Fault>({ kind: 'drop-after-commit' }),
  fc.constant<Fault>({ kind: 'session-expired' }),
  fc.integer({ min: 0, max: LANDING_WINDOW_MS }).map((afterMs): Fault => ({ kind: 'late', afterMs })),
);

const sessionArb = fc.record({
  instrument: fc.constantFrom('ors' as const, 'srs' as const),
  mm: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
  faults: fc.array(faultArb, { maxLength: 8 }),
});

const settingsArb = fc.record({ transactions: fc.boolean(), batch: fc.boolean(), conditionalCreate: fc.boolean() });

async function activeFlags(patient: string): Promise<ActiveFlagOnServer[]> {
  const flags = (await server.search('Flag', `subject=${patient}`)) as fhir4.Flag[];
  return flags.filter((f) => f.status === 'active').map((f) => {
    const rule = f.extension?.find((e) => e.url === EXTENSIONS.flagRule)?.extension?.find((e) => e.url === 'rule')?.valueCode;
    return { id: f.id!, rule: rule as RuleCode, resource: f };
  });
}

async function countByIdentifier(type: string, system: string, value: string): Promise<number> {
  return (await server.search(type, `identifier=${encodeURIComponent(`${system}|${value}`)}`)).length;
}

it('random faults and plans: each administration and score stored once, Flags consistent with the rules', async () => {
  await fc.assert(fc.asyncProperty(settingsArb, fc.array(sessionArb, { minLength: 1, maxLength: 4 }), async (settings, sessions) => {
    await server.reset(settings);
    const patientId = `prop-${++run}`;
    const patient = `Patient/${patientId}`;
    const plan = planWrites(await server.capabilities());
    const outbox = new Outbox(sessionStorage);
    const history: Administration[] = [];
    const serverIds = new Map<string, string>();
    const retry = { sleep: (ms: number) => server.advance(ms), random: () => 0.5, maxAttempts: 3 };

    for (const [n, session] of sessions.entries()) {
      const instrument = instruments[session.instrument];
      const administration: Administration = {
        id: `${patientId}-${n}`, instrument: session.instrument, authored: `2025-0${1 + n}-10T10:00:00Z`, status: 'completed',
        answers: Object.fromEntries(instrument.items.map((item, i) => [item.linkId, session.mm[i] ?? 50])),
      };
      history.push(administration);
      const writeSet = buildWriteSet({
        response: buildQuestionnaireResponse(instrument, administration, { subject: patient, author: CLINICIAN, identifierValue: administration.id }),
        administration,
        assessment: assessClient({ administrations: history, birthDate: '1980-01-01' }),
        activeFlags: await activeFlags(patient),
        builtOn: recordBasis(history.slice(0, -1)),
        evidenceReference: (id) => serverIds.get(id),
        context: { patient, clinician: CLINICIAN, clientRated: true, recorded: administration.authored, app: { name: 'Therapy Feedback', version: '0' } },
      });
      await outbox.save(await server.transport({ patient: patientId, faults: session.faults }), writeSet, plan, retry);
      // The app re-sends on its next chance (a reload, the network back, a new launch) until nothing is
      // pending; that chance comes later than any request in flight can land.
      await server.landAll();
      for (let tries = 0; outbox.pending().saves.length > 0 && tries < 3; tries++) {
        await outbox.resendAll(await server.transport({ patient: patientId }), plan, retry);
      }
      expect(outbox.pending().saves).toEqual([]);
      const qr = (await server.search('QuestionnaireResponse', `identifier=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.questionnaireResponse}|${administration.id}`)}`))[0];
      serverIds.set(administration.id, `QuestionnaireResponse/${qr?.id ?? ''}`);
    }

    await server.landAll();
    for (const a of history) {
      expect(await countByIdentifier('QuestionnaireResponse', IDENTIFIER_SYSTEMS.questionnaireResponse, a.id)).toBe(1);
      expect(await countByIdentifier('Observation', IDENTIFIER_SYSTEMS.observation, `${a.id}/${a.instrument}-total`)).toBe(1);
      expect(await server.search('Provenance', `_tag=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.provenance}|${a.id}`)}`)).toHaveLength(1);
    }
    const active = (await activeFlags(patient)).map((f) => f.rule).sort();
    expect(new Set(active).size).toBe(active.length);
    const wanted = assessClient({ administrations: history, birthDate: '1980-01-01' }).decisions.filter((d) => d.flag).map((d) => d.rule).sort();
    expect(active).toEqual(wanted);
  }), { numRuns: RUNS });
}, 120_000 + RUNS * 2_000);
