// Every resource the app writes, in both forms of the score Observations, against Medplum's R4 validator
// and the US Core requirements it cannot see (us-core-checks.ts); then the US Core strict form through the
// real sandbox engine under each write plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import { CODE_SYSTEM_URL, EXTENSIONS, IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import { buildQuestionnaire } from '../../src/fhir/questionnaire';
import { SCORE_FORMS } from '../../src/fhir/resources/observations';
import { planWrites } from '../../src/fhir/write/plan';
import { saveAdministration } from '../../src/fhir/write/save';
import type { WriteSet } from '../../src/fhir/write/types';
import { provenanceProblems, screeningAssessmentProblems, usCoreProblems } from './us-core-checks';
import { administration, decision, writeSetFor } from './write-fixtures';
import { r4Problems, startTestServer, stored, type TestServer } from './write-support';

const ORGANIZATION = { reference: 'Organization/northside', display: 'Northside Counselling' };
const noWait = { sleep: async () => undefined, random: () => 0.5 };

const observationsOf = (writeSet: WriteSet): fhir4.Observation[] =>
  writeSet.entries.filter((e) => e.kind === 'observation').map((e) => e.resource as fhir4.Observation);
const provenanceOf = (writeSet: WriteSet): fhir4.Provenance =>
  writeSet.entries.find((e) => e.kind === 'provenance')!.resource as fhir4.Provenance;

describe.each(SCORE_FORMS)('every resource written, score form %s', (scoreForm) => {
  it.each(Object.values(instruments))(
    '$id: response, scores, flag, provenance and questionnaire pass the R4 validator and US Core checks',
    (instrument) => {
      const a = administration(instrument.id, 3, 18);
      const writeSet = writeSetFor(a, {
        create: [decision('alliance-concern', [a.id])],
        publish: true,
        scoreForm,
        organization: ORGANIZATION,
      });
      expect(writeSet.entries.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['questionnaire', 'response', 'observation', 'flag-create', 'provenance']),
      );
      for (const entry of writeSet.entries) {
        expect(r4Problems(entry.resource), entry.label).toEqual([]);
        expect(usCoreProblems(entry.resource), entry.label).toEqual([]);
      }
    },
  );
});

describe('the US Core strict form', () => {
  const wai = administration('wai-sr', 1, 0);
  const panelSet = writeSetFor(wai, { scoreForm: 'us-core-panel' });

  it('is a survey panel coded as the instrument, with the total, each subscale and each item a member Observation', () => {
    const observations = observationsOf(panelSet);
    const panel = observations.at(-1)!;
    const members = observations.slice(0, -1);
    expect(members).toHaveLength(1 + 3 + 12);
    expect(panel.code.coding?.map((c) => c.code)).toEqual(['wai-sr']);
    expect(panel.valueQuantity).toBeUndefined();
    expect(panel.component).toBeUndefined();
    const memberUrls = panelSet.entries
      .filter((e) => e.kind === 'observation')
      .slice(0, -1)
      .map((e) => e.fullUrl);
    expect(panel.hasMember?.map((m) => m.reference)).toEqual(memberUrls);
    expect(members.map((m) => m.identifier?.[0]?.value)).toEqual([
      'resp-wai-sr-1/wai-sr-total',
      'resp-wai-sr-1/wai-sr-task',
      'resp-wai-sr-1/wai-sr-bond',
      'resp-wai-sr-1/wai-sr-goal',
      ...instruments['wai-sr'].items.map((i) => `resp-wai-sr-1/${i.linkId}`),
    ]);
    expect(members[0]?.valueQuantity?.value).toBe(36);
    for (const o of observations)
      expect(o.derivedFrom).toEqual([{ reference: panelSet.entries.find((e) => e.kind === 'response')!.fullUrl }]);
  });

  it.each(Object.values(instruments))(
    '$id: matches what SDC extraction of the published Questionnaire describes (panel code, one member per coded item)',
    (instrument) => {
      const questionnaire = buildQuestionnaire(instrument);
      const observations = observationsOf(
        writeSetFor(administration(instrument.id, 2, 40), { scoreForm: 'us-core-panel' }),
      );
      const ours = (codings: readonly fhir4.Coding[] | undefined): string[] =>
        (codings ?? []).filter((c) => c.system === CODE_SYSTEM_URL).map((c) => c.code ?? '');
      expect(observations.at(-1)?.code.coding).toEqual(questionnaire.code);
      const memberItems = (questionnaire.item ?? []).filter((i) =>
        i.extension?.some((e) => e.url === EXTENSIONS.observationExtract && e.valueCode === 'member'),
      );
      expect(
        observations
          .slice(0, -1)
          .flatMap((o) => ours(o.code.coding))
          .sort(),
      ).toEqual(memberItems.flatMap((i) => ours(i.code)).sort());
    },
  );

  it('is rebuilt identically (a retry or a reload writes the same identifiers and fullUrls)', () => {
    expect(writeSetFor(wai, { scoreForm: 'us-core-panel' })).toEqual(panelSet);
  });

  it('keeps the components form as the default: one Observation whose identifier the strict form gives its total', () => {
    const [only, ...more] = observationsOf(writeSetFor(wai));
    expect(more).toEqual([]);
    expect(only?.identifier).toEqual(observationsOf(panelSet)[0]?.identifier);
    expect(only?.component).toHaveLength(3 + 12);
  });

  it('has checks that can fail: a panel without members, a score without the survey category', () => {
    const panel = observationsOf(panelSet).at(-1)!;
    const { hasMember: _members, ...empty } = panel;
    expect(screeningAssessmentProblems(empty)).toContain(
      'us-core-2: no value, component, hasMember or dataAbsentReason',
    );
    expect(screeningAssessmentProblems({ ...panel, category: [] })).toContain('category: no survey');
  });
});

describe('Provenance and US Core provenance-1', () => {
  const a = administration('ors', 1, 50);

  it('names the configured organization as onBehalfOf for the clinician and for the app (a Device)', () => {
    const provenance = provenanceOf(writeSetFor(a, { organization: ORGANIZATION }));
    expect(provenance.agent.map((g) => g.onBehalfOf)).toEqual([ORGANIZATION, ORGANIZATION]);
    expect(provenanceProblems(provenance)).toEqual([]);
  });

  it('without one, has the app act for the clinician, and the check reports the clinician agent (what a deployment fixes in smart-launch.json)', () => {
    const provenance = provenanceOf(writeSetFor(a));
    expect(provenance.agent[1]?.onBehalfOf).toEqual({ reference: 'Practitioner/c1' });
    expect(provenanceProblems(provenance)).toEqual([
      'agent[0]: provenance-1, Practitioner without onBehalfOf',
      'agent[1].onBehalfOf: Practitioner/c1 is not a US Core Organization',
    ]);
    expect(r4Problems(provenance)).toEqual([]);
  });
});

const plans = [
  // How the panel names its members: by server id, or by identifier where they travel in the same batch.
  { name: 'transaction', settings: { transactions: true, batch: true, conditionalCreate: true }, links: 'id' },
  { name: 'batch', settings: { transactions: false, batch: true, conditionalCreate: true }, links: 'identifier' },
  { name: 'one request each', settings: { transactions: false, batch: false, conditionalCreate: false }, links: 'id' },
] as const;

describe.each(plans)('the US Core strict form through the sandbox engine: $name', ({ settings, links }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(settings);
  });

  it('stores the panel and all its members once, linked, each valid; a re-send adds nothing', async () => {
    const a = administration('srs', 4, 70);
    const writeSet = writeSetFor(a, { scoreForm: 'us-core-panel', organization: ORGANIZATION });
    const plan = planWrites(await server.capabilities());
    const report = await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    expect(report.entries.filter((e) => e.outcome.status !== 'saved')).toEqual([]);
    const expected = { qr: 1, observations: 1 + 4 + 1, activeFlags: 0, provenance: 1 };
    expect(await stored(server, writeSet)).toEqual(expected);

    const observations = (await server.search('Observation', 'subject=Patient/p1')) as fhir4.Observation[];
    const ours = observations.filter((o) => o.identifier?.[0]?.value?.startsWith(`${a.id}/`));
    const panel = ours.find((o) => (o.hasMember?.length ?? 0) > 0)!;
    const members = ours.filter((o) => o !== panel);
    const named = panel.hasMember!.map((m) => m.reference ?? `${m.identifier?.system}|${m.identifier?.value}`);
    const expectedNames =
      links === 'id'
        ? members.map((m) => `Observation/${m.id}`)
        : members.map((m) => `${IDENTIFIER_SYSTEMS.observation}|${m.identifier?.[0]?.value}`);
    expect([...named].sort()).toEqual([...expectedNames].sort());
    for (const resource of ours) {
      expect(r4Problems(resource)).toEqual([]);
      expect(screeningAssessmentProblems(resource)).toEqual([]);
    }
    const [provenance] = (await server.search(
      'Provenance',
      `_tag=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.provenance}|${a.id}`)}`,
    )) as fhir4.Provenance[];
    expect(provenance?.target).toHaveLength(1 + ours.length);
    expect(provenanceProblems(provenance!)).toEqual([]);

    await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    expect(await stored(server, writeSet)).toEqual(expected);
  });

  it('saves a WAI-SR panel (19 entries, over the 8 a conditional Medplum transaction takes) once, whatever the plan', async () => {
    const a = administration('wai-sr', 5, 0);
    const writeSet = writeSetFor(a, { scoreForm: 'us-core-panel', organization: ORGANIZATION });
    const plan = planWrites(await server.capabilities());
    const report = await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    expect(report.status).toBe('saved');
    expect(await stored(server, writeSet)).toEqual({ qr: 1, observations: 17, activeFlags: 0, provenance: 1 });
    await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    expect(await stored(server, writeSet)).toEqual({ qr: 1, observations: 17, activeFlags: 0, provenance: 1 });
  });
});
