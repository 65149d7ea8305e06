import { beforeAll, describe, expect, it } from 'vitest';
import { defaultScoringConfig } from '../../src/core/config';
import type { CaseloadConfig } from '../../src/fhir/caseload-config';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { SEED_TODAY } from '../../src/node/sandbox/seed';
import { loadCaseload } from '../../src/ui/caseload/load-caseload';
import { sharedSeededEngine, type TestEngine } from '../support/engine';
import { keepUnsavedOrs } from '../support/kept-response';
import { mapStorage } from '../support/map-storage';

// The caseload over the real sandbox engine and its seed: who the clinician's clients are, in how many round
// trips, and each row assessed by the same core as the single-client view.

const caseload: CaseloadConfig = {
  scopes: 'launch',
  scopesV1: 'launch',
  myClients: ['appointments', 'authored', 'care-team'],
  daysAhead: 7,
};

function engineTransport(engine: TestEngine, log: string[] = []): FhirTransport {
  const baseUrl = engine.baseUrl;
  return {
    baseUrl,
    async send(request) {
      const path = request.url.startsWith(baseUrl) ? request.url.slice(baseUrl.length + 1) : request.url;
      log.push(`${request.method} ${path.split('?')[0]}`);
      const answer = await engine.handle({
        method: request.method,
        path,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      return { status: answer.status, body: answer.body, headers: {} };
    },
  };
}

const input = (clinician: string, sources = caseload.myClients) => ({
  fhirUser: `http://sandbox.test/fhir/Practitioner/${clinician}`,
  caseload: { ...caseload, myClients: sources },
  scoring: defaultScoringConfig,
  today: SEED_TODAY,
});

describe('the caseload over the seeded sandbox', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await sharedSeededEngine();
  });

  it('each clinician has at least 30 clients, only their own, in two batched round trips', async () => {
    const log: string[] = [];
    const result = await loadCaseload(engineTransport(engine, log), input('pr2'));
    if (!result.ok) throw new Error(result.error.kind);
    const { entries, stats, problems } = result.value;
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(entries.map((e) => e.row.patientId)).toContain('p04');
    expect(entries.map((e) => e.row.patientId)).not.toContain('p01');
    expect(stats.roundTrips).toBe(2);
    expect(log.every((l) => l === 'POST ')).toBe(true);
  });

  it('rows come from assessClient: the deteriorating client leads, with the newest alert and a measure due', async () => {
    const result = await loadCaseload(engineTransport(engine), input('pr2'));
    if (!result.ok) throw new Error(result.error.kind);
    const tomasz = result.value.entries.find((e) => e.row.patientId === 'p04')!;
    expect(tomasz.name).toBe('Tomasz Wilk');
    expect(tomasz.row.outcomeStatus).toBe('deteriorating');
    expect(tomasz.row.alert?.severity).toBe('high');
    expect(tomasz.row.due).toContain('ors');
    expect(tomasz.row.daysSinceLastMeasure).toBe(3);
    expect(tomasz.nextVisit?.slice(0, 10)).toBe(SEED_TODAY);
    const needs = result.value.entries.map((e) => e.row.need);
    expect(needs.indexOf('rest') === -1 || needs.lastIndexOf('alert') < needs.indexOf('rest')).toBe(true);
    expect(result.value.entries[0]!.row.need).toBe('alert');
  });

  it('counts a response kept unsaved in this tab (the Outbox) in the row, as the client view does, marked not saved', async () => {
    const storage = mapStorage(new Map());
    keepUnsavedOrs(storage);
    const result = await loadCaseload(engineTransport(engine), { ...input('pr2'), storage });
    if (!result.ok) throw new Error(result.error.kind);
    const tomasz = result.value.entries.find((e) => e.row.patientId === 'p04')!;
    expect(tomasz.unsaved).toBe(1);
    // Measured today (not three days ago): the kept response is scored with the record's.
    expect(tomasz.row.daysSinceLastMeasure).toBe(0);
    expect(result.value.entries.filter((e) => e.unsaved !== undefined).map((e) => e.row.patientId)).toEqual(['p04']);
  });

  it('each source alone finds clients: appointments (booked this week), authored responses, CareTeam membership', async () => {
    const counts = await Promise.all(
      (['appointments', 'authored', 'care-team'] as const).map(async (source) => {
        const result = await loadCaseload(engineTransport(engine), input('pr1', [source]));
        return result.ok ? result.value.entries.length : -1;
      }),
    );
    const [booked, authored, team] = counts;
    expect(team).toBe(32);
    expect(booked).toBeGreaterThanOrEqual(25);
    expect(booked).toBeLessThan(32);
    expect(authored).toBeGreaterThan(0);
  });
});
