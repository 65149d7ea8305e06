// Servers that store absolute references (as Epic does) still find them on reference searches: a resource whose
// subject is `https://host/…/Patient/x` is the patient's, whichever way the search names the patient.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../support/engine';
import { call, entriesOf, freshEngine, minimalPatient } from '../support/engine';

const OTHER_BASE = 'https://ehr.example.org/api/FHIR/R4';

describe('absolute references on reference searches', () => {
  let engine: TestEngine;
  let patient: string;
  let other: string;
  let response: string;
  beforeAll(async () => {
    engine = await freshEngine();
    patient = String((await call(engine, 'POST', 'Patient', minimalPatient('Ortega'))).json['id']);
    other = String((await call(engine, 'POST', 'Patient', minimalPatient('Ito'))).json['id']);
    const created = await call(engine, 'POST', 'QuestionnaireResponse', {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      authored: '2024-03-01T10:00:00-05:00',
      subject: { reference: `${OTHER_BASE}/Patient/${patient}` },
    });
    response = String(created.json['id']);
    await call(engine, 'POST', 'QuestionnaireResponse', {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      authored: '2024-03-01T10:00:00Z',
      subject: { reference: `${OTHER_BASE}/Patient/${other}` },
    });
    await call(engine, 'POST', 'Flag', {
      resourceType: 'Flag',
      status: 'active',
      code: { text: 'x' },
      subject: { reference: `${OTHER_BASE}/Patient/${patient}` },
    });
  });

  const ids = async (path: string): Promise<unknown[]> =>
    entriesOf((await call(engine, 'GET', path)).json).map((r) => r['id']);

  it.each([
    ['patient=Patient/{p}'],
    ['patient={p}'],
    ['subject=Patient/{p}'],
    ['subject={p}'],
    ['subject:Patient={p}'],
    [`patient=${OTHER_BASE}/Patient/{p}`],
    [`subject=${OTHER_BASE}/Patient/{p}`],
  ])('QuestionnaireResponse?%s finds only that patient’s response', async (query) => {
    expect(await ids(`QuestionnaireResponse?${query.replaceAll('{p}', patient)}`)).toEqual([response]);
  });

  it('a patient-typed parameter on another type (Flag?patient=) finds it too', async () => {
    expect(await ids(`Flag?patient=Patient/${patient}`)).toHaveLength(1);
    expect(await ids(`Flag?patient=Patient/${other}`)).toHaveLength(0);
  });

  it('an absolute reference naming another type with the same id does not match', async () => {
    expect(await ids(`QuestionnaireResponse?subject=${OTHER_BASE}/Group/${patient}`)).toEqual([]);
  });
});

describe('absolute references through includes and the type test', () => {
  it('_revinclude through a patient-typed parameter brings the absolute-reference resources; a Group subject is not a patient', async () => {
    const engine = await freshEngine();
    const patient = String((await call(engine, 'POST', 'Patient', minimalPatient('Ortega'))).json['id']);
    await call(engine, 'POST', 'Flag', {
      resourceType: 'Flag',
      status: 'active',
      code: { text: 'x' },
      subject: { reference: `${OTHER_BASE}/Patient/${patient}` },
    });
    await call(engine, 'POST', 'Flag', {
      resourceType: 'Flag',
      status: 'active',
      code: { text: 'y' },
      subject: { reference: `Group/${patient}` },
    });
    const bundle = await call(engine, 'GET', `Patient?_id=${patient}&_revinclude=Flag:patient`);
    expect(entriesOf(bundle.json).map((r) => r['resourceType'])).toEqual(['Patient', 'Flag']);
    expect(entriesOf((await call(engine, 'GET', `Flag?patient=Group/${patient}`)).json)).toEqual([]);
  });
});
