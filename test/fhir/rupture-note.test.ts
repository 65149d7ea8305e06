import { describe, expect, it } from 'vitest';
import type { RuptureNote } from '../../src/core/model';
import { CODE_SYSTEM_URL } from '../../src/fhir/codes';
import { buildRuptureNoteObservation, ruptureNoteOf } from '../../src/fhir/resources/rupture-note';
import { observationSchema } from '../../src/fhir/schemas/clinical';
import { createFhirEngine } from '../../src/node/sandbox/engine';

// Issue 12 (7): the clinician's rupture record as an Observation, accepted by the sandbox engine (FHIR R4
// validation) and read back into the core's RuptureNote.

const note: RuptureNote = { id: 'rn-1', date: '2024-03-05T11:00:00+01:00', kind: 'confrontation', addressed: true };
const context = { patient: 'Patient/p1', clinician: 'Practitioner/c1', response: 'QuestionnaireResponse/s4' };

describe('rupture note Observation', () => {
  it('is coded in our CodeSystem with the kind as value and "addressed" as a component', () => {
    const obs = buildRuptureNoteObservation(note, context);
    expect(obs).toMatchObject({
      status: 'final',
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: note.date,
      focus: [{ reference: 'QuestionnaireResponse/s4' }],
      code: { coding: [{ system: CODE_SYSTEM_URL, code: 'alliance-rupture-note' }] },
      valueCodeableConcept: { coding: [{ system: CODE_SYSTEM_URL, code: 'confrontation' }] },
      component: [{ code: { coding: [{ code: 'alliance-rupture-addressed' }] }, valueBoolean: true }],
    });
  });
  it('round-trips through the FHIR engine and back to the same note', async () => {
    const engine = await createFhirEngine({ baseUrl: 'http://localhost/fhir' });
    await engine.handle({ method: 'PUT', path: 'Patient/p1', body: { resourceType: 'Patient', id: 'p1' } });
    const created = await engine.handle({
      method: 'POST',
      path: 'Observation',
      body: buildRuptureNoteObservation(note, { patient: 'Patient/p1' }),
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(created.status).toBe(201);
    expect(ruptureNoteOf(observationSchema.parse(created.body))).toEqual(note);
  });
  it('is not a note when retracted, without a kind, or another of our Observations', () => {
    const obs = observationSchema.parse(buildRuptureNoteObservation(note, context));
    expect(ruptureNoteOf({ ...obs, status: 'entered-in-error' })).toBeUndefined();
    expect(
      ruptureNoteOf({ ...obs, valueCodeableConcept: { coding: [{ system: CODE_SYSTEM_URL, code: 'other' }] } }),
    ).toBeUndefined();
    expect(
      ruptureNoteOf({ ...obs, code: { coding: [{ system: CODE_SYSTEM_URL, code: 'ors-total' }] } }),
    ).toBeUndefined();
  });
});
