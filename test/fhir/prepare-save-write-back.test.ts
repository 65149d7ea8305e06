// smart-launch.json `writeBack` reaches what a save writes: the score form and the organization that
// Provenance names, from the validated configuration to the write set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration } from '../../src/core/model';
import { loadHistory } from '../../src/fhir/load';
import { parseSmartLaunchConfig } from '../../src/fhir/smart-launch-config';
import { prepareSave } from '../../src/fhir/write';
import { startTestServer } from '../fhir/write-support';

const srs: Administration = {
  id: 'srs-write-back',
  instrument: 'srs',
  authored: '2025-03-04T10:00:00+01:00',
  status: 'completed',
  answers: { 'srs-1': 80, 'srs-2': 85, 'srs-3': 90, 'srs-4': 95 },
};

async function writeSetWith(writeBack: unknown) {
  const committed = JSON.parse(readFileSync('smart-launch.json', 'utf8')) as object;
  const parsed = parseSmartLaunchConfig({ ...committed, writeBack });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  const server = await startTestServer();
  const history = await loadHistory(await server.transport(), {
    patientId: 'p1',
    capabilities: await server.capabilities(),
  });
  return prepareSave({
    administration: srs,
    history,
    assessment: assessClient({ administrations: [] }),
    recorded: '2025-03-04T10:05:00+01:00',
    app: { name: 'Therapy Feedback', version: '0.1.0' },
    writeBack: parsed.value.writeBack,
    parties: { patientId: 'p1', encounterId: undefined, fhirUser: 'Practitioner/9', clientRated: true },
  });
}

describe('prepareSave with smart-launch.json writeBack', () => {
  it('writes the US Core panel and names the organization when configured', async () => {
    const writeSet = await writeSetWith({
      scoreObservations: 'us-core-panel',
      organization: { display: 'Northside Counselling', reference: 'Organization/42' },
    });
    const observations = writeSet.entries
      .filter((e) => e.kind === 'observation')
      .map((e) => e.resource as fhir4.Observation);
    expect(observations).toHaveLength(1 + 4 + 1);
    expect(observations.at(-1)?.hasMember).toHaveLength(5);
    const provenance = writeSet.entries.find((e) => e.kind === 'provenance')?.resource as fhir4.Provenance;
    expect(provenance.agent.map((a) => a.onBehalfOf?.reference)).toEqual(['Organization/42', 'Organization/42']);
  });

  it('keeps the components form by default', async () => {
    const writeSet = await writeSetWith(undefined);
    expect(writeSet.entries.filter((e) => e.kind === 'observation')).toHaveLength(1);
  });
});
