// Bench section: round trips and time per save against the sandbox engine, for every write plan.
// Target (DESIGN.md §5): one round trip on a server with transactions.
import { performance } from 'node:perf_hooks';
import { assessClient } from '../../src/core/assess';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { detectCapabilities } from '../../src/fhir/capabilities';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import {
  buildWriteSet,
  planWrites,
  RefusalMemory,
  saveAdministration,
  type SaveStatus,
  type WriteSet,
} from '../../src/fhir/write';
import { createFhirEngine } from '../../src/node/sandbox/engine';
import { seedResources } from '../../src/node/sandbox/seed';
import type { EngineSettings, FhirEngine } from '../../src/node/sandbox/engine/types';
import { noteWords } from '../../src/ui/administer/note-words';
import type { BenchRow } from '../bench';
import { median } from '../chromium';
import { mapStorage } from '../../test/support/map-storage';
import { population } from './population';

const SCOPES = 'patient/*.cruds user/*.cruds';
const SAVES = 20;
const EXTRA_RESPONSES = 50_000;
const GROWTH_RATIO = 1.5;

const PLANS: readonly {
  readonly name: string;
  readonly settings: EngineSettings;
  readonly target?: number;
  readonly expect?: SaveStatus;
  readonly firstVsLater?: boolean;
}[] = [
  {
    name: 'transaction, conditional create',
    settings: { transactions: true, batch: true, conditionalCreate: true, vendor: 'open' },
    target: 1,
  },
  {
    name: 'transaction, search then create',
    settings: { transactions: true, batch: true, conditionalCreate: false, vendor: 'open' },
  },
  {
    name: 'batch, conditional create',
    settings: { transactions: false, batch: true, conditionalCreate: true, vendor: 'open' },
  },
  {
    name: 'batch, search then create',
    settings: { transactions: false, batch: true, conditionalCreate: false, vendor: 'open' },
  },
  {
    name: 'one request each, conditional create',
    settings: { transactions: false, batch: false, conditionalCreate: true, vendor: 'open' },
  },
  {
    name: 'one request each, search then create',
    settings: { transactions: false, batch: false, conditionalCreate: false, vendor: 'open' },
  },
  // The vendor profiles: only the clinical note is taken; no Provenance. The first save of a tab tries the survey
  // score (listed as Observation create) and is refused; later ones remember that and go straight to the note.
  {
    name: 'epic-like profile (clinical note)',
    settings: { transactions: true, batch: true, conditionalCreate: true, vendor: 'epic-like' },
    expect: 'partly-saved',
    firstVsLater: true,
  },
  {
    name: 'oracle-like profile (clinical note)',
    settings: { transactions: true, batch: true, conditionalCreate: true, vendor: 'oracle-like' },
    expect: 'partly-saved',
    firstVsLater: true,
  },
];

/** The engine as a FhirTransport, in process (no HTTP); the caseload section uses it too. */
export function engineTransport(engine: FhirEngine): FhirTransport {
  return {
    baseUrl: engine.baseUrl,
    send: async (r) => {
      const answer = await engine.handle({
        method: r.method,
        path: r.url,
        body: r.body,
        headers: { ...r.headers, 'content-type': 'application/fhir+json' },
      });
      return { status: answer.status, headers: answer.headers, body: answer.body };
    },
  };
}

/** An SRS session that falls below the cutoff: response, score, a Flag and a Provenance. */
function sessionWriteSet(plan: string, n: number): WriteSet {
  const id = `bench-${plan.replace(/\W+/g, '-')}-${n}`;
  const administration: Administration = {
    id,
    instrument: 'srs',
    authored: '2025-06-02T10:00:00Z',
    status: 'completed',
    answers: Object.fromEntries(instruments.srs.items.map((item) => [item.linkId, 70])),
  };
  const patient = `Patient/bench-${n}`;
  return buildWriteSet({
    response: buildQuestionnaireResponse(instruments.srs, administration, { subject: patient, identifierValue: id }),
    administration,
    assessment: assessClient({ administrations: [administration], birthDate: '1980-01-01' }),
    activeFlags: [],
    builtOn: 'none',
    evidenceReference: () => undefined,
    context: { patient, clientRated: true, recorded: '2025-06-02T10:05:00Z', app: { name: 'bench', version: '0' } },
    noteWords: noteWords('en'),
  });
}

/** Saves of one tab (with its memory of what the server refused); round trips of each. */
async function tabOfSaves(engine: FhirEngine, name: string, expect: SaveStatus): Promise<number[]> {
  const capabilities = detectCapabilities((await engine.handle({ method: 'GET', path: 'metadata' })).body, SCOPES);
  const memory = new RefusalMemory(mapStorage(new Map()), engine.baseUrl);
  const trips: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const report = await saveAdministration(
      engineTransport(engine),
      sessionWriteSet(name, n),
      planWrites(capabilities, memory.recall()),
    );
    if (report.status !== expect) throw new Error(`bench save ${report.status}, not ${expect} (${name})`);
    memory.learn(report);
    trips.push(report.roundTrips);
  }
  return trips;
}

export async function saveBench(): Promise<BenchRow[]> {
  const engine = await createFhirEngine();
  const rows: BenchRow[] = [];
  for (const { name, settings, target, expect = 'saved', firstVsLater = false } of PLANS) {
    Object.assign(engine.settings, settings);
    const started = performance.now();
    const trips = await tabOfSaves(engine, name, expect);
    const elapsed = performance.now() - started;
    const [first = 0, ...later] = trips;
    if (firstVsLater) {
      rows.push({ name: `round trips, first save of a tab: ${name}`, value: first, unit: 'requests' });
      rows.push({ name: `round trips per later save: ${name}`, value: Math.max(...later), unit: 'requests' });
    } else {
      const worst = Math.max(...trips);
      rows.push({
        name: `round trips per save: ${name}`,
        value: worst,
        unit: 'requests',
        ...(target === undefined ? {} : { target: `≤ ${target}`, meets: worst <= target }),
      });
    }
    rows.push({ name: `time per save: ${name} (in-process engine)`, value: elapsed / SAVES, unit: 'ms' });
  }
  await engine.close();
  return rows;
}

async function medianSaveMs(engine: FhirEngine, tag: string): Promise<number> {
  const plan = planWrites(detectCapabilities((await engine.handle({ method: 'GET', path: 'metadata' })).body, SCOPES));
  const times: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const started = performance.now();
    const report = await saveAdministration(engineTransport(engine), sessionWriteSet(tag, n), plan);
    if (report.status !== 'saved') throw new Error(`bench save not saved (${tag}): ${report.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Stores `count` more QuestionnaireResponses (ten per patient) through transaction Bundles of 1,000. */
async function grow(engine: FhirEngine, count: number): Promise<void> {
  const rows = population(count, 5);
  for (let i = 0; i < rows.length; i += 1000) {
    const entry = rows.slice(i, i + 1000).map(({ patient, administration }) => ({
      resource: buildQuestionnaireResponse(instruments[administration.instrument], administration, {
        subject: `Patient/grow-${patient}`,
        identifierValue: `grow-${administration.id}`,
      }),
      request: { method: 'POST', url: 'QuestionnaireResponse' },
    }));
    const answer = await engine.handle({
      method: 'POST',
      path: '',
      body: { resourceType: 'Bundle', type: 'transaction', entry },
      headers: { 'content-type': 'application/fhir+json' },
    });
    if (answer.status >= 300) throw new Error(`bench could not grow the store: ${answer.status}`);
  }
}

/** A save (transaction, conditional create) on the seed store, then on it with 50,000 more responses. */
export async function storeGrowthBench(): Promise<BenchRow[]> {
  const engine = await createFhirEngine({
    seed: () => seedResources(),
    settings: { transactions: true, batch: true, conditionalCreate: true },
  });
  const seedStore = await medianSaveMs(engine, 'seed-store');
  await grow(engine, EXTRA_RESPONSES);
  const grown = await medianSaveMs(engine, 'grown-store');
  await engine.close();
  const ratio = grown / seedStore;
  return [
    { name: 'time per save, seed store (transaction, conditional create; median of 20)', value: seedStore, unit: 'ms' },
    {
      name: `time per save, seed store + ${EXTRA_RESPONSES.toLocaleString('en-US')} responses`,
      value: grown,
      unit: 'ms',
    },
    {
      name: `time per save, + ${EXTRA_RESPONSES.toLocaleString('en-US')} responses ÷ seed store`,
      value: ratio,
      unit: '×',
      target: `≤ ${GROWTH_RATIO}`,
      meets: ratio <= GROWTH_RATIO,
    },
  ];
}
