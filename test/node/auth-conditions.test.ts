import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirRequest, obtainToken, startTestSandbox, type Sandbox, SANDBOX_START_TIMEOUT_MS } from '../support/sandbox';

// Attacks on the patient compartment through the searches a server runs for a write (If-None-Exist,
// conditional update and delete, the same inside Bundles) and through Provenance and Communication, with
// a token for one patient. Each was let through before the guard checked conditions and targets.

let sandbox: Sandbox;
let mine: string;
let other: string;

type Resource = { resourceType: string; id?: string; subject?: { reference?: string }; status?: string };
type Bundle = { resourceType: string; entry?: { resource?: Resource; response?: { status: string } }[] };

const patientRef = (id: string) => ({ reference: `Patient/${id}` });
const observation = (patient: string) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'attack probe' },
  subject: patientRef(patient),
  valueInteger: 1,
});
const flag = (patient: string) => ({
  resourceType: 'Flag',
  status: 'active',
  code: { text: 'attack probe' },
  subject: patientRef(patient),
});

/** Writes straight to the engine (no guard), as the other patient's own EHR would. */
async function seedDirect<T extends Resource>(resource: object): Promise<T> {
  const type = (resource as Resource).resourceType;
  const created = await sandbox.engine.handle({ method: 'POST', path: type, body: resource });
  return created.body as T;
}

async function engineRead(path: string): Promise<{ status: number; body: Resource }> {
  const r = await sandbox.engine.handle({ method: 'GET', path });
  return { status: r.status, body: r.body as Resource };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const all = (await sandbox.engine.handle({ method: 'GET', path: 'Patient?_count=2' })).body as Bundle;
  [mine, other] = (all.entry ?? []).map((e) => e.resource!.id!) as [string, string];
}, SANDBOX_START_TIMEOUT_MS);
afterAll(() => sandbox.close());

const tokenFor = async (scope: string) => (await obtainToken(sandbox, { patient: mine, scope })).access_token;
const WIDE = 'launch patient/*.cruds';

describe('conditions of writes stay in the compartment', () => {
  it('refuses an If-None-Exist naming another patient and never answers with their resource', async () => {
    const theirs = await seedDirect<Resource>(observation(other));
    const token = await tokenFor(WIDE);
    const named = await fhirRequest(sandbox, token, 'Observation', {
      method: 'POST',
      body: observation(mine),
      headers: { 'if-none-exist': `patient=Patient/${other}` },
    });
    expect(named.status).toBe(403);
    const byId = await fhirRequest(sandbox, token, 'Observation', {
      method: 'POST',
      body: observation(mine),
      headers: { 'if-none-exist': `_id=${theirs.id}` },
    });
    expect(byId.status).toBe(201);
    expect((byId.body as Resource).id).not.toBe(theirs.id);
    expect((byId.body as Resource).subject?.reference).toBe(`Patient/${mine}`);
  });

  it('does not move another patient’s Flag by a conditional update', async () => {
    const theirs = await seedDirect<Resource>(flag(other));
    const token = await tokenFor(WIDE);
    await fhirRequest(sandbox, token, `Flag?_id=${theirs.id}`, { method: 'PUT', body: flag(mine) });
    expect((await engineRead(`Flag/${theirs.id}`)).body.subject?.reference).toBe(`Patient/${other}`);
  });

  it('does not delete another patient’s data by a conditional delete', async () => {
    const theirs = await seedDirect<Resource>(observation(other));
    const token = await tokenFor(WIDE);
    const named = await fhirRequest(sandbox, token, `Observation?patient=Patient/${other}`, { method: 'DELETE' });
    expect(named.status).toBe(403);
    await fhirRequest(sandbox, token, `Observation?_id=${theirs.id}`, { method: 'DELETE' });
    expect((await engineRead(`Observation/${theirs.id}`)).status).toBe(200);
  });

  it('checks the conditions of transaction and batch entries', async () => {
    const theirs = await seedDirect<Resource>(flag(other));
    const token = await tokenFor(WIDE);
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: observation(mine),
          request: { method: 'POST', url: 'Observation', ifNoneExist: `subject=Patient/${other}` },
        },
      ],
    };
    expect((await fhirRequest(sandbox, token, '', { method: 'POST', body: transaction })).status).toBe(403);
    const batch = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ resource: flag(mine), request: { method: 'PUT', url: `Flag?_id=${theirs.id}` } }],
    };
    await fhirRequest(sandbox, token, '', { method: 'POST', body: batch });
    expect((await engineRead(`Flag/${theirs.id}`)).body.subject?.reference).toBe(`Patient/${other}`);
  });
});

describe('Provenance and Communication about another patient', () => {
  const provenance = (target: string) => ({
    resourceType: 'Provenance',
    recorded: '2026-01-01T00:00:00Z',
    target: [{ reference: target }],
    agent: [{ who: { display: 'attacker' } }],
  });

  it('refuses writing a Provenance or a Communication about another patient', async () => {
    const theirs = await seedDirect<Resource>(observation(other));
    const token = await tokenFor(WIDE);
    expect(
      (
        await fhirRequest(sandbox, token, 'Provenance', {
          method: 'POST',
          body: provenance(`Observation/${theirs.id}`),
        })
      ).status,
    ).toBe(403);
    const message = {
      resourceType: 'Communication',
      status: 'completed',
      subject: patientRef(other),
      sender: patientRef(mine),
    };
    expect((await fhirRequest(sandbox, token, 'Communication', { method: 'POST', body: message })).status).toBe(403);
  });

  it('still lets the patient’s own Provenance be written, inside a transaction by fullUrl', async () => {
    const token = await tokenFor(WIDE);
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:0b5c1f9e-6c7a-4d55-9d1e-2f7c1f0a0001',
          resource: observation(mine),
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: provenance('urn:uuid:0b5c1f9e-6c7a-4d55-9d1e-2f7c1f0a0001'),
          request: { method: 'POST', url: 'Provenance' },
        },
      ],
    };
    expect((await fhirRequest(sandbox, token, '', { method: 'POST', body: transaction })).status).toBe(200);
  });

  it('refuses reading another patient’s Provenance, by id, by search and through If-None-Exist', async () => {
    const theirs = await seedDirect<Resource>(observation(other));
    const record = await seedDirect<Resource & { meta?: unknown }>({
      ...provenance(`Observation/${theirs.id}`),
      meta: { tag: [{ system: 'urn:probe', code: theirs.id }] },
    });
    const token = await tokenFor(WIDE);
    expect((await fhirRequest(sandbox, token, `Provenance/${record.id}`)).status).toBe(403);
    const search = await fhirRequest(sandbox, token, `Provenance?_id=${record.id}`);
    expect((search.body as Bundle).entry ?? []).toEqual([]);
    const probe = await fhirRequest(sandbox, token, 'Provenance', {
      method: 'POST',
      body: provenance(`Patient/${mine}`),
      headers: { 'if-none-exist': `_tag=urn:probe|${theirs.id}` },
    });
    expect(probe.status).toBe(403);
  });
});
