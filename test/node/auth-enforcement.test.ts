import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fhirRequest, obtainToken, startTestSandbox, type Sandbox, SANDBOX_START_TIMEOUT_MS } from '../support/sandbox';
import { CURSOR_PAGE_SIZE } from '../../src/node/sandbox/auth/faults';

// Token enforcement on the FHIR endpoint, against the real engine and its seeded clients.

let sandbox: Sandbox;
let clockOffsetMs = 0;
/** Two seeded patients that both have QuestionnaireResponses. */
let mine: string;
let other: string;

type Bundle = {
  resourceType: string;
  type?: string;
  entry?: {
    resource?: { resourceType: string; id?: string; subject?: { reference?: string } };
    response?: { status: string; outcome?: unknown };
  }[];
};
type Outcome = { resourceType: string; issue: { code: string; diagnostics?: string }[] };

beforeAll(async () => {
  sandbox = await startTestSandbox({ clock: () => Date.now() + clockOffsetMs });
  const all = (await sandbox.engine.handle({ method: 'GET', path: 'QuestionnaireResponse?_count=1000' }))
    .body as Bundle;
  const subjects = [
    ...new Set(
      (all.entry ?? [])
        .map((e) => e.resource?.subject?.reference)
        .filter((r): r is string => r?.startsWith('Patient/') ?? false),
    ),
  ];
  [mine, other] = subjects.map((r) => r.slice('Patient/'.length)) as [string, string];
}, SANDBOX_START_TIMEOUT_MS);
afterAll(() => sandbox.close());
afterEach(() => {
  clockOffsetMs = 0;
});

const tokenFor = async (scope: string, form?: Record<string, string>) =>
  (await obtainToken(sandbox, { patient: mine, scope, ...(form ? { form } : {}) })).access_token;

async function otherPatientsResponseId(): Promise<string> {
  const found = (
    await sandbox.engine.handle({ method: 'GET', path: `QuestionnaireResponse?subject=Patient/${other}&_count=1` })
  ).body as Bundle;
  return found.entry![0]!.resource!.id!;
}

const response = (subject: string) => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  subject: { reference: `Patient/${subject}` },
});

describe('authentication', () => {
  it('answers 401 with a Bearer challenge and an OperationOutcome when no token is sent', async () => {
    const r = await fhirRequest(sandbox, undefined, `Patient/${mine}`);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    expect((r.body as Outcome).resourceType).toBe('OperationOutcome');
  });

  it('answers 401 invalid_token to a forged token', async () => {
    const r = await fhirRequest(sandbox, 'eyJhbGciOiJub25lIn0.e30.', `Patient/${mine}`);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 401 once the token has expired', async () => {
    const token = await tokenFor('launch patient/Patient.r');
    expect((await fhirRequest(sandbox, token, `Patient/${mine}`)).status).toBe(200);
    clockOffsetMs = 3601_000;
    const r = await fhirRequest(sandbox, token, `Patient/${mine}`);
    expect(r.status).toBe(401);
    expect((r.body as Outcome).issue[0]?.code).toBe('expired');
  });

  it('issues 20-second tokens under the short-lived token fault', async () => {
    const token = await obtainToken(sandbox, {
      patient: mine,
      scope: 'launch patient/Patient.r',
      form: { shortLivedToken: 'on' },
    });
    expect(token.expires_in).toBe(20);
    clockOffsetMs = 21_000;
    expect((await fhirRequest(sandbox, token.access_token, `Patient/${mine}`)).status).toBe(401);
  });

  it('keeps the CapabilityStatement public', async () => {
    expect((await fhirRequest(sandbox, undefined, 'metadata')).status).toBe(200);
  });
});

describe('scopes', () => {
  it('refuses an interaction no v2 scope permits, naming the missing scope', async () => {
    const token = await tokenFor('launch patient/Patient.r');
    const r = await fhirRequest(sandbox, token, 'QuestionnaireResponse');
    expect(r.status).toBe(403);
    expect((r.body as Outcome).issue[0]?.diagnostics).toContain('patient/QuestionnaireResponse.s');
  });

  it('reads v1 scopes: .read searches but does not create, .write creates', async () => {
    const reader = await tokenFor('launch patient/QuestionnaireResponse.read');
    expect((await fhirRequest(sandbox, reader, 'QuestionnaireResponse')).status).toBe(200);
    const refused = await fhirRequest(sandbox, reader, 'QuestionnaireResponse', {
      method: 'POST',
      body: response(mine),
    });
    expect(refused.status).toBe(403);
    expect((refused.body as Outcome).issue[0]?.diagnostics).toContain('patient/QuestionnaireResponse.c');
    const writer = await tokenFor('launch patient/QuestionnaireResponse.write');
    expect(
      (await fhirRequest(sandbox, writer, 'QuestionnaireResponse', { method: 'POST', body: response(mine) })).status,
    ).toBe(201);
  });

  it('withholds the denied scope of a fault from the grant and the endpoint', async () => {
    const token = await obtainToken(sandbox, {
      patient: mine,
      scope: 'launch patient/Flag.crus',
      form: { denyScope: 'Flag.cud' },
    });
    expect(token.scope).toBe('launch patient/Flag.rs');
    const flag = {
      resourceType: 'Flag',
      status: 'active',
      code: { text: 'test' },
      subject: { reference: `Patient/${mine}` },
    };
    expect((await fhirRequest(sandbox, token.access_token, 'Flag', { method: 'POST', body: flag })).status).toBe(403);
    expect((await fhirRequest(sandbox, token.access_token, 'Flag')).status).toBe(200);
  });

  it('lets user/ scopes read shared and any patient’s resources', async () => {
    const token = await tokenFor('launch user/Questionnaire.rs user/QuestionnaireResponse.rs');
    const questionnaires = await fhirRequest(sandbox, token, 'Questionnaire');
    expect(questionnaires.status).toBe(200);
    expect((questionnaires.body as Bundle).entry?.length).toBeGreaterThan(0);
    expect((await fhirRequest(sandbox, token, `QuestionnaireResponse/${await otherPatientsResponseId()}`)).status).toBe(
      200,
    );
  });
});

describe('patient compartment', () => {
  const scope = 'launch patient/Patient.r patient/QuestionnaireResponse.cruds';

  it('pins a search without a patient to the token’s patient', async () => {
    const r = await fhirRequest(sandbox, await tokenFor(scope), 'QuestionnaireResponse?_count=1000');
    const subjects = new Set(((r.body as Bundle).entry ?? []).map((e) => e.resource?.subject?.reference));
    expect(r.status).toBe(200);
    expect([...subjects]).toEqual([`Patient/${mine}`]);
  });

  it('refuses searches, reads and writes of another patient with 403 and an OperationOutcome', async () => {
    const token = await tokenFor(scope);
    const otherId = await otherPatientsResponseId();
    const refusals = [
      await fhirRequest(sandbox, token, `QuestionnaireResponse?patient=Patient/${other}`),
      await fhirRequest(sandbox, token, `QuestionnaireResponse/${otherId}`),
      await fhirRequest(sandbox, token, `Patient/${other}`),
      await fhirRequest(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: response(other) }),
      await fhirRequest(sandbox, token, `QuestionnaireResponse/${otherId}`, {
        method: 'PUT',
        body: { ...response(mine), id: otherId },
      }),
      await fhirRequest(sandbox, token, `QuestionnaireResponse/${otherId}`, { method: 'DELETE' }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(403);
      expect((r.body as Outcome).issue[0]?.code).toBe('forbidden');
    }
    const still = await sandbox.engine.handle({ method: 'GET', path: `QuestionnaireResponse/${otherId}` });
    expect((still.body as { subject: { reference: string } }).subject.reference).toBe(`Patient/${other}`);
  });

  it('checks each batch entry on its own and answers refused entries with 403', async () => {
    const token = await tokenFor(scope);
    const batch = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: 'QuestionnaireResponse?_count=1000' } },
        { request: { method: 'GET', url: 'Flag' } },
        { request: { method: 'GET', url: `Patient/${other}` } },
        { request: { method: 'GET', url: `Patient/${mine}` } },
      ],
    };
    const r = await fhirRequest(sandbox, token, '', { method: 'POST', body: batch });
    expect(r.status).toBe(200);
    const entries = (r.body as Bundle).entry ?? [];
    expect(entries.map((e) => e.response?.status.slice(0, 3))).toEqual(['200', '403', '403', '200']);
    const found = (entries[0]?.resource as Bundle).entry ?? [];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.resource?.subject?.reference === `Patient/${mine}`)).toBe(true);
  });

  it('refuses a whole transaction when one entry is not permitted, writing nothing', async () => {
    const token = await tokenFor(scope);
    const before = (await sandbox.engine.handle({ method: 'GET', path: 'QuestionnaireResponse?_summary=count' }))
      .body as { total: number };
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: response(mine), request: { method: 'POST', url: 'QuestionnaireResponse' } },
        { resource: response(other), request: { method: 'POST', url: 'QuestionnaireResponse' } },
      ],
    };
    const r = await fhirRequest(sandbox, token, '', { method: 'POST', body: transaction });
    expect(r.status).toBe(403);
    expect((r.body as Outcome).issue[0]?.diagnostics).toContain('entry 2');
    const after = (await sandbox.engine.handle({ method: 'GET', path: 'QuestionnaireResponse?_summary=count' }))
      .body as { total: number };
    expect(after.total).toBe(before.total);
  });
});

describe('server-side faults', () => {
  it('writes a launch’s faults to the engine settings, and a plain launch restores them', async () => {
    await tokenFor('launch patient/Patient.r', {
      noTransactions: 'on',
      noConditionalCreate: 'on',
      transactionErrorStatus: '500',
      transactionErrorTimes: '2',
      cursorPaging: 'on',
    });
    expect(sandbox.engine.settings).toMatchObject({
      transactions: false,
      conditionalCreate: false,
      transactionFault: { status: 500, times: 2 },
      cursorPaging: { maxPageSize: CURSOR_PAGE_SIZE },
    });
    await tokenFor('launch patient/Patient.r');
    expect(sandbox.engine.settings).toMatchObject({ transactions: true, conditionalCreate: true });
    expect(sandbox.engine.settings.transactionFault).toBeUndefined();
    expect(sandbox.engine.settings.cursorPaging).toBeUndefined();
  });
});
