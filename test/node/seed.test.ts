import { beforeAll, describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration } from '../../src/core/model';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { readSmartLaunchFile } from '../../src/node/config/smart-launch-file';
import { CLIENT_STORIES, sandboxClients, SEED_TODAY, seedResources } from '../../src/node/sandbox/seed';
import { populationResources } from '../../src/node/sandbox/seed/population';
import { SANDBOX_STORY_EXTENSION } from '../../src/node/sandbox/engine';
import type { TestEngine } from '../support/engine';
import { entriesOf, sharedSeededEngine } from '../support/engine';

type Json = Record<string, unknown>;

// The other-system client's forms are read through the deployment's instrumentMappings, as the app reads them.
const settings = await readSmartLaunchFile('smart-launch.json');
if (!settings.ok) throw new Error(settings.error);
const mappings = settings.value.config.instrumentMappings;

async function historyOf(
  engine: TestEngine,
  patientId: string,
): Promise<{ patient: Json; administrations: Administration[]; unreadable: string[] }> {
  const response = await engine.handle({
    method: 'GET',
    path: `Patient?_id=${patientId}&_revinclude=QuestionnaireResponse:subject&_count=1000`,
  });
  const resources = entriesOf(response.body as Json);
  const patient = resources.find((r) => r['resourceType'] === 'Patient')!;
  const parsed = resources
    .filter((r) => r['resourceType'] === 'QuestionnaireResponse')
    .map((r) => parseQuestionnaireResponse(r, { mappings }));
  return {
    patient,
    administrations: parsed.flatMap((p) => (p.ok ? [p.administration] : [])),
    unreadable: parsed.flatMap((p) => (p.ok ? [] : [p.reason])),
  };
}

describe('seed data', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await sharedSeededEngine();
  });

  it('is deterministic: the same today gives byte-identical resources; another today moves the dates', () => {
    expect(JSON.stringify(seedResources())).toBe(JSON.stringify(seedResources({ today: SEED_TODAY })));
    expect(JSON.stringify(seedResources({ today: '2026-01-15' }))).not.toBe(JSON.stringify(seedResources()));
  });

  it('has clinicians, our Questionnaires and at least ten clients with a story each', async () => {
    const practitioners = entriesOf((await engine.handle({ method: 'GET', path: 'Practitioner' })).body as Json);
    expect(practitioners.length).toBeGreaterThanOrEqual(2);
    const questionnaires = entriesOf((await engine.handle({ method: 'GET', path: 'Questionnaire' })).body as Json).map(
      (q) => q['id'],
    );
    expect(questionnaires).toEqual(expect.arrayContaining(['ors', 'srs', 'cors', 'csrs', 'wai-sr']));
    const patients = entriesOf((await engine.handle({ method: 'GET', path: 'Patient?_count=100' })).body as Json);
    expect(patients.length).toBeGreaterThanOrEqual(10);
    for (const p of patients) expect(JSON.stringify(p['extension'])).toContain(SANDBOX_STORY_EXTENSION);
    expect(sandboxClients().map((c) => c.patientId)).toEqual(CLIENT_STORIES.map((s) => s.id));
  });

  it.each(CLIENT_STORIES.map((s) => [s.id, s] as const))(
    'story %s: its rules hold after the latest response',
    async (id, story) => {
      const { patient, administrations } = await historyOf(engine, id);
      const birthDate = String(patient['birthDate']);
      const assessment = assessClient({ administrations, birthDate });
      const active = assessment.decisions.map((d) => d.rule);
      expect(active).toEqual(expect.arrayContaining([...story.expected]));
      for (const rule of story.absent ?? []) expect(active).not.toContain(rule);
    },
  );

  it('the rupture-and-repair client had a rupture at session 3 that later cleared', async () => {
    const { patient, administrations } = await historyOf(engine, 'p06');
    const throughSession3 = administrations.filter((a) => /-s[123]-/.test(a.id));
    const earlier = assessClient({ administrations: throughSession3, birthDate: String(patient['birthDate']) });
    expect(earlier.decisions.map((d) => d.rule)).toContain('alliance-rupture-risk');
  });

  it('the adolescent is judged against cutoff 28: with the adult cutoff nothing would fire', async () => {
    const { patient, administrations } = await historyOf(engine, 'p08');
    const assessment = assessClient({ administrations, birthDate: String(patient['birthDate']) });
    expect(assessment.outcome.cutoff).toBe(28);
    const asAdult = assessClient({ administrations, birthDate: '1980-01-01' });
    expect(asAdult.decisions.map((d) => d.rule)).not.toContain('outcome-not-on-track-early');
  });

  it('the child answers CORS/CSRS, the five-year-old has no responses, the new-episode client has two episodes', async () => {
    const child = await historyOf(engine, 'p07');
    expect(new Set(child.administrations.map((a) => a.instrument))).toEqual(new Set(['cors', 'csrs']));
    expect((await historyOf(engine, 'p09')).administrations).toHaveLength(0);
    const returning = await historyOf(engine, 'p12');
    expect(
      assessClient({ administrations: returning.administrations, birthDate: String(returning.patient['birthDate']) })
        .episodes,
    ).toHaveLength(2);
  });

  it('the incomplete response is stored in progress and not scored', async () => {
    const { patient, administrations } = await historyOf(engine, 'p10');
    expect(administrations.filter((a) => a.status === 'in-progress')).toHaveLength(1);
    const assessment = assessClient({ administrations, birthDate: String(patient['birthDate']) });
    expect(assessment.unscorable.length).toBeGreaterThanOrEqual(1);
  });

  it('the other-system client has foreign shapes, and they are still readable', async () => {
    const bundle = (await engine.handle({ method: 'GET', path: 'QuestionnaireResponse?subject=p11&_count=100' }))
      .body as Json;
    const responses = entriesOf(bundle);
    expect(responses.length).toBeGreaterThan(0);
    const text = JSON.stringify(responses);
    expect(text).toContain('valueDecimal');
    expect(text).toContain('"status":"amended"');
    expect(text).toContain('https://ehr.example.org/api/FHIR/R4/Patient/p11');
    expect(text).toMatch(/"authored":"[^"]+-05:00"/);
    expect(text).not.toContain('"text"');
    const wai = responses.find((r) => String(r['questionnaire']).endsWith('wai-sr'));
    expect(wai?.['questionnaire']).toBe('http://fhir.therapy-feedback.org/Questionnaire/wai-sr');
    expect(JSON.stringify(wai)).toContain('valueInteger');
    expect((await historyOf(engine, 'p11')).unreadable).toEqual([]);
    // Without the mappings the rating lines have no declared unit: listed as unknown scale, never guessed.
    const unmapped = responses
      .filter((r) => !String(r['questionnaire']).endsWith('wai-sr'))
      .map((r) => parseQuestionnaireResponse(r));
    expect(unmapped.every((p) => !p.ok && p.reason.startsWith('unknown scale'))).toBe(true);
  });

  it('the long-history client has at least 200 sessions, with a WAI-SR every fourth', async () => {
    const { administrations } = await historyOf(engine, 'p13');
    expect(administrations.filter((a) => a.instrument === 'ors').length).toBeGreaterThanOrEqual(200);
    expect(administrations.filter((a) => a.instrument === 'wai-sr').length).toBeGreaterThanOrEqual(50);
  });

  it('a large population streams deterministically', () => {
    const first = [...populationResources(20, SEED_TODAY)];
    const again = [...populationResources(20, SEED_TODAY)];
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(first.filter((r) => r.resourceType === 'Patient')).toHaveLength(20);
  });
});
