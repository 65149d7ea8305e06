// Bench section: the caseload of one clinician with 50 and 200 clients of 20 sessions each (ORS and SRS every
// session, a WAI-SR every fourth), loaded as the app loads it after the token: my clients, then the whole
// caseload's history in batches, then every row assessed by the core. Round trips are sequential waves of
// requests (a batch is one request). The time is token → list model ready, against the in-process sandbox
// engine (no HTTP, no browser paint): the server's search work plus the app's parsing and assessment.
import { performance } from 'node:perf_hooks';
import { defaultScoringConfig } from '../../src/core/config';
import { createFhirEngine } from '../../src/node/sandbox/engine';
import { SEED_TODAY, seedQuestionnaires } from '../../src/node/sandbox/seed';
import { caseloadClinicians, caseloadScheduling, syntheticStory } from '../../src/node/sandbox/seed/caseload';
import { buildClientHistory } from '../../src/node/sandbox/seed/client-history';
import type { SessionScores } from '../../src/node/sandbox/seed/stories';
import { loadCaseload } from '../../src/ui/caseload/load-caseload';
import type { BenchRow } from '../bench';
import { median } from '../chromium';
import { engineTransport } from './save';

export const CASELOAD_SIZES = [50, 200] as const;
const SESSIONS = 20;
const RUNS = 3;
const ROUND_TRIP_TARGET = 3;

function twentySessions(n: number): SessionScores[] {
  return Array.from({ length: SESSIONS }, (_, i) => ({
    outcome: Math.round((12 + (n % 9) + i * (0.2 + (n % 5) * 0.15)) * 10) / 10,
    alliance: 36 + (n % 4),
    ...(i % 4 === 3 ? { wai: [4, 4, 4] as const } : {}),
  }));
}

/** One clinician (pr1) with `clients` clients of 20 sessions each, booked this week and on the CareTeam. */
export function caseloadFixture(clients: number, today: string): fhir4.Resource[] {
  const stories = Array.from({ length: clients }, (_, i) => ({
    ...syntheticStory(0, i + 1),
    sessions: twentySessions(i),
  }));
  return [
    ...caseloadClinicians(1),
    ...seedQuestionnaires(),
    ...stories.flatMap((s) => buildClientHistory(s, today)),
    ...caseloadScheduling(stories, today),
  ];
}

async function caseloadRun(clients: number): Promise<BenchRow[]> {
  const engine = await createFhirEngine();
  await engine.put(caseloadFixture(clients, SEED_TODAY));
  const input = {
    fhirUser: `${engine.baseUrl}/Practitioner/pr1`,
    scoring: defaultScoringConfig,
    today: SEED_TODAY,
    caseload: {
      scopes: 'launch',
      scopesV1: 'launch',
      myClients: ['appointments', 'authored', 'care-team'] as const,
      daysAhead: 7,
    },
  };
  const times: number[] = [];
  let figures = { roundTrips: 0, requests: 0, rows: 0 };
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const result = await loadCaseload(engineTransport(engine), {
      ...input,
      caseload: { ...input.caseload, myClients: [...input.caseload.myClients] },
    });
    if (!result.ok) throw new Error(`caseload bench: ${result.error.kind}`);
    // The first run pays for JIT compilation, as a server that has been running has long paid.
    if (run > 0) times.push(performance.now() - started);
    figures = { ...result.value.stats, rows: result.value.entries.length };
  }
  if (figures.rows !== clients) throw new Error(`caseload bench: ${figures.rows} rows for ${clients} clients`);
  return [
    {
      name: `FHIR round trips, ${clients} clients × ${SESSIONS} sessions`,
      value: figures.roundTrips,
      unit: '',
      target: `≤ ${ROUND_TRIP_TARGET}`,
      meets: figures.roundTrips <= ROUND_TRIP_TARGET,
    },
    { name: `HTTP requests, ${clients} clients × ${SESSIONS} sessions`, value: figures.requests, unit: '' },
    {
      name: `token → list ready, ${clients} clients (in-process engine, median of ${RUNS})`,
      value: median(times),
      unit: 'ms',
    },
  ];
}

export async function caseloadBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of CASELOAD_SIZES) rows.push(...(await caseloadRun(size)));
  return rows;
}
