import { instruments } from '../../core/instruments';
import type { Administration } from '../../core/model';
import { z } from 'zod';
import type { FhirTransport } from '../../fhir/gateway';
import { referenceId } from '../../fhir/parse/references';
import { buildQuestionnaireResponse } from '../../fhir/resources/questionnaire-response';
import { bundleSchema, idSchema, identifierSchema, outcomeMessages, validate } from '../../fhir/schemas';

// A real round trip on a server the integrator may write to: create a test response, read it back, delete it.
// Each step is reported whether it worked or not, so a refusal says exactly where it happened.

export interface WriteTestStep {
  readonly step: 'find a patient' | 'create a test response' | 'read it back' | 'delete it';
  readonly ok: boolean;
  readonly status?: number;
  readonly detail: string;
}

const TEST_TAG = {
  system: 'http://fhir.therapy-feedback.org/CodeSystem/test',
  code: 'write-test',
  display: 'Server check: safe to delete',
};

const outcomeText = (body: unknown): string => outcomeMessages(body).join('; ');

/** The parts of a written or read-back resource the steps look at. */
const resourceSchema = z.looseObject({ id: idSchema.optional(), identifier: identifierSchema.optional() });
const readResource = (body: unknown) => {
  const parsed = resourceSchema.safeParse(body);
  return parsed.success ? parsed.data : {};
};

async function findPatient(
  transport: FhirTransport,
  patientId: string | undefined,
): Promise<WriteTestStep & { id?: string }> {
  if (patientId) return { step: 'find a patient', ok: true, detail: `given: Patient/${patientId}`, id: patientId };
  const response = await transport.send({ method: 'GET', url: 'Patient?_count=1' });
  const bundle = validate(bundleSchema, response.body);
  const id = bundle.ok ? readResource(bundle.value.entry?.[0]?.resource).id : undefined;
  return id
    ? { step: 'find a patient', ok: true, status: response.status, detail: `Patient/${id}`, id }
    : {
        step: 'find a patient',
        ok: false,
        status: response.status,
        detail: outcomeText(response.body) || 'no Patient found (pass --patient ID)',
      };
}

function testResponse(patientId: string, nowIso: string, key: string): fhir4.QuestionnaireResponse {
  const ors = instruments.ors;
  const answers = Object.fromEntries(ors.items.map((item) => [item.linkId, 50]));
  const administration: Administration = { id: key, instrument: 'ors', authored: nowIso, status: 'completed', answers };
  const response = buildQuestionnaireResponse(ors, administration, {
    subject: `Patient/${patientId}`,
    identifierValue: key,
  });
  return { ...response, meta: { tag: [TEST_TAG] } };
}

export async function runWriteTest(
  transport: FhirTransport,
  options: { patientId?: string; nowIso: string; key: string },
): Promise<WriteTestStep[]> {
  const found = await findPatient(transport, options.patientId);
  const steps: WriteTestStep[] = [
    { step: found.step, ok: found.ok, detail: found.detail, ...(found.status ? { status: found.status } : {}) },
  ];
  if (!found.id) return steps;
  const created = await transport.send({
    method: 'POST',
    url: 'QuestionnaireResponse',
    body: testResponse(found.id, options.nowIso, options.key),
    headers: { prefer: 'return=representation' },
  });
  const id = readResource(created.body).id ?? referenceId(created.headers['location'], 'QuestionnaireResponse');
  const createdOk = created.status === 201 || created.status === 200;
  steps.push({
    step: 'create a test response',
    ok: createdOk && Boolean(id),
    status: created.status,
    detail: createdOk ? `QuestionnaireResponse/${id ?? '?'}` : outcomeText(created.body) || 'refused',
  });
  if (!createdOk || !id) return steps;
  const read = await transport.send({ method: 'GET', url: `QuestionnaireResponse/${id}` });
  const sameIdentifier = readResource(read.body).identifier?.value === options.key;
  steps.push({
    step: 'read it back',
    ok: read.status === 200 && sameIdentifier,
    status: read.status,
    detail: sameIdentifier ? 'identifier matches' : outcomeText(read.body) || 'not the response just written',
  });
  const deleted = await transport.send({ method: 'DELETE', url: `QuestionnaireResponse/${id}` });
  const deletedOk = deleted.status >= 200 && deleted.status < 300;
  steps.push({
    step: 'delete it',
    ok: deletedOk,
    status: deleted.status,
    detail: deletedOk
      ? 'removed'
      : `not allowed here (${outcomeText(deleted.body) || 'refused'}); it carries the tag "${TEST_TAG.code}"`,
  });
  return steps;
}
