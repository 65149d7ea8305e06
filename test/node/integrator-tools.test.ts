import { afterEach, describe, expect, it } from 'vitest';
import { fetchTransport } from '../../src/fhir/gateway';
import { publishedArtefacts } from '../../src/fhir/questionnaire';
import { detectCapabilities, parseSmartConfiguration } from '../../src/fhir/capabilities';
import { caseloadRows } from '../../src/node/checker/caseload-rows';
import { checkServer } from '../../src/node/checker/check';
import { describeWritePlan, renderReport } from '../../src/node/checker/render';
import { runWriteTest } from '../../src/node/checker/write-test';
import { publishArtefacts } from '../../src/node/publisher/publish';
import { startFhirHttpServer, type FhirGuard, type FhirHttpServer } from '../../src/node/sandbox/http';
import { freshEngine, type TestEngine } from '../support/engine';

const APP_SCOPES =
  'launch openid fhirUser patient/Patient.r user/Questionnaire.crus patient/QuestionnaireResponse.crs patient/Observation.crs patient/Flag.crus patient/Provenance.c';

/** A server that answers reads but refuses every write, as a read-only sandbox does. */
const readOnly: FhirGuard = async (request, next) =>
  request.method === 'GET' || request.method === 'HEAD'
    ? next(request)
    : {
        status: 403,
        headers: { 'content-type': 'application/fhir+json' },
        body: {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'this server is read-only' }],
        },
      };

let server: FhirHttpServer | undefined;
afterEach(async () => server?.close());

async function serve(engine: TestEngine, guard?: FhirGuard): Promise<ReturnType<typeof fetchTransport>> {
  server = await startFhirHttpServer({ engine, port: 0, ...(guard ? { guard } : {}) });
  return fetchTransport({ baseUrl: server.baseUrl });
}

describe('check-server against the sandbox engine', () => {
  it('reports a transaction-capable server and plans one transaction with conditional creates', async () => {
    const report = await checkServer(await serve(await freshEngine()), APP_SCOPES);
    expect(report.fhirVersion).toBe('4.0.1');
    expect(report.writePlan.mode).toBe('transaction');
    expect(report.writePlan.conditionalCreate).toBe(true);
    expect(report.rows.find((r) => r.need === 'transaction')?.verdict).toBe('yes');
    expect(report.rows.find((r) => r.need === '_revinclude')?.verdict).toBe('yes');
    expect(renderReport(report)).toContain('Write plan: one transaction per save, conditional creates');
  });

  it('degrades to a batch without transactions, and to single requests without batch either', async () => {
    const engine = await freshEngine({ settings: { transactions: false } });
    const transport = await serve(engine);
    expect((await checkServer(transport, APP_SCOPES)).writePlan.mode).toBe('batch');
    engine.settings.batch = false;
    engine.settings.conditionalCreate = false;
    const report = await checkServer(transport, APP_SCOPES);
    expect(report.writePlan.mode).toBe('individual');
    expect(describeWritePlan(report)).toBe('one request per resource, search-then-create');
  });

  it('says whether the caseload (launch without a patient) can work: the searches that find clients, user/ scopes, fhirUser', async () => {
    const transport = await serve(await freshEngine({ settings: { vendor: 'open' } }));
    const report = await checkServer(transport, APP_SCOPES);
    const caseload = report.rows.filter((r) => r.area === 'Caseload');
    expect(caseload.find((r) => r.need === 'Appointment search')?.verdict).toBe('yes');
    expect(caseload.find((r) => r.need === 'CareTeam search')?.verdict).toBe('yes');
    // This server publishes no SMART configuration: whether it grants user/ scopes is for the EHR to say.
    expect(caseload[0]).toMatchObject({
      need: 'caseload (launch without a patient)',
      verdict: 'unknown',
      blocking: false,
    });
    expect(caseload[0]?.detail).toContain('finds clients by Appointment');
    expect(renderReport(report)).toContain('caseload (launch without a patient)');
    const caps = detectCapabilities((await transport.send({ method: 'GET', url: 'metadata' })).body, APP_SCOPES);
    const smart = (scopes: string[]) =>
      parseSmartConfiguration(
        {
          token_endpoint: 'https://ehr.example/token',
          grant_types_supported: ['authorization_code'],
          capabilities: ['launch-standalone'],
          scopes_supported: scopes,
        },
        transport.baseUrl,
      );
    expect(caseloadRows(caps, smart(['openid', 'fhirUser', 'user/*.rs']))[0]?.verdict).toBe('yes');
    expect(caseloadRows(caps, smart(['openid', 'fhirUser', 'patient/*.rs']))[0]).toMatchObject({
      verdict: 'no',
      detail: 'the server grants no user/ scopes or no fhirUser',
    });
  });

  it('prints the plan per path under each vendor profile, and why', async () => {
    const scopes = `${APP_SCOPES} patient/DocumentReference.cs`;
    const open = renderReport(
      await checkServer(await serve(await freshEngine({ settings: { vendor: 'open' } })), scopes),
    );
    expect(open).toContain('answers: QuestionnaireResponse (clinical note if the server refuses it)');
    expect(open).toContain('clinical note (DocumentReference): only on refusal');
    await server?.close();
    server = undefined;
    const epic = renderReport(
      await checkServer(await serve(await freshEngine({ settings: { vendor: 'epic-like' } })), scopes),
    );
    expect(epic).toContain(
      'answers: clinical note (QuestionnaireResponse: this server does not accept QuestionnaireResponse creates)',
    );
    expect(epic).toContain('alerts raised: clinical note (Flag: this server does not accept Flag creates)');
    expect(epic).toContain('who saved it: not written (this server does not accept Provenance creates)');
    expect(epic).toContain('requests: one request per resource, a search before each create');
  });

  it('names the types the granted scopes do not let the app write', async () => {
    const report = await checkServer(
      await serve(await freshEngine()),
      'patient/Patient.r patient/QuestionnaireResponse.crs patient/Observation.rs patient/Flag.rs',
    );
    expect(report.writePlan.refused.map((r) => r.kind).sort()).toEqual([
      'flag-create',
      'flag-end',
      'observation',
      'provenance',
      'questionnaire',
      'rupture-note',
    ]);
    expect(report.rows.find((r) => r.need === 'Flag create')).toMatchObject({
      verdict: 'no',
      detail: 'not in the granted scopes',
    });
  });

  it('does a real write round trip and cleans up', async () => {
    const engine = await freshEngine();
    const transport = await serve(engine);
    await transport.send({
      method: 'PUT',
      url: 'Patient/p1',
      body: { resourceType: 'Patient', id: 'p1', birthDate: '1980-01-01' },
    });
    const steps = await runWriteTest(transport, { nowIso: '2026-11-23T10:00:00Z', key: 'check-1' });
    expect(steps.map((s) => [s.step, s.ok])).toEqual([
      ['find a patient', true],
      ['create a test response', true],
      ['read it back', true],
      ['delete it', true],
    ]);
    const left = await transport.send({ method: 'GET', url: 'QuestionnaireResponse?identifier=check-1' });
    expect((left.body as { entry?: unknown[] }).entry ?? []).toHaveLength(0);
  });

  it('reports where a read-only server refuses the write test', async () => {
    const engine = await freshEngine();
    await engine.handle({ method: 'PUT', path: 'Patient/p1', body: { resourceType: 'Patient', id: 'p1' } });
    const steps = await runWriteTest(await serve(engine, readOnly), { nowIso: '2026-11-23T10:00:00Z', key: 'check-2' });
    expect(steps.at(-1)).toMatchObject({
      step: 'create a test response',
      ok: false,
      status: 403,
      detail: expect.stringContaining('read-only'),
    });
  });
});

describe('publish-questionnaires against the sandbox engine', () => {
  it('creates everything once, then finds it unchanged', async () => {
    const transport = await serve(await freshEngine());
    const first = await publishArtefacts(transport, publishedArtefacts(), { dryRun: false });
    expect(new Set(first.map((r) => r.action))).toEqual(new Set(['created']));
    const second = await publishArtefacts(transport, publishedArtefacts(), { dryRun: false });
    expect(new Set(second.map((r) => r.action))).toEqual(new Set(['unchanged']));
    const found = await transport.send({
      method: 'GET',
      url: 'Questionnaire?url=http://fhir.therapy-feedback.org/Questionnaire/ors',
    });
    expect((found.body as { entry: unknown[] }).entry).toHaveLength(1);
  });

  it('updates a changed artefact of the same version and never touches another version', async () => {
    const engine = await freshEngine();
    const transport = await serve(engine);
    const ors = publishedArtefacts().find((a) => a.resourceType === 'Questionnaire' && a.id === 'ors')!;
    await transport.send({
      method: 'POST',
      url: 'Questionnaire',
      body: { ...ors, id: undefined, version: '0.9.0', title: 'Old ORS' },
    });
    await transport.send({
      method: 'POST',
      url: 'Questionnaire',
      body: { ...ors, id: undefined, title: 'Edited locally' },
    });
    const results = await publishArtefacts(transport, [ors], { dryRun: false });
    expect(results[0]!.action).toBe('updated');
    const all = await transport.send({
      method: 'GET',
      url: 'Questionnaire?url=http://fhir.therapy-feedback.org/Questionnaire/ors',
    });
    const byVersion = Object.fromEntries(
      (all.body as { entry: { resource: fhir4.Questionnaire }[] }).entry.map((e) => [
        e.resource.version,
        e.resource.title,
      ]),
    );
    expect(byVersion).toEqual({ '0.9.0': 'Old ORS', '1.0.0': ors.title });
  });

  it('notices a change deep inside an artefact of the same version', async () => {
    const transport = await serve(await freshEngine());
    const ors = publishedArtefacts().find(
      (a) => a.resourceType === 'Questionnaire' && a.id === 'ors',
    ) as fhir4.Questionnaire;
    const edited = structuredClone(ors);
    edited.item![1]!.text = 'Edited item wording';
    await transport.send({ method: 'POST', url: 'Questionnaire', body: { ...edited, id: undefined } });
    expect((await publishArtefacts(transport, [ors], { dryRun: true }))[0]!.action).toBe('would update');
  });

  it('writes nothing in a dry run and says what it would do', async () => {
    const transport = await serve(await freshEngine());
    const results = await publishArtefacts(transport, publishedArtefacts(), { dryRun: true });
    expect(new Set(results.map((r) => r.action))).toEqual(new Set(['would create']));
    const found = await transport.send({ method: 'GET', url: 'Questionnaire' });
    expect((found.body as { entry?: unknown[] }).entry ?? []).toHaveLength(0);
  });

  it('reports refusals from a read-only server instead of failing silently', async () => {
    const results = await publishArtefacts(
      await serve(await freshEngine(), readOnly),
      publishedArtefacts().slice(0, 2),
      { dryRun: false },
    );
    expect(results.every((r) => r.action === 'refused' && r.detail.includes('403'))).toBe(true);
  });
});
