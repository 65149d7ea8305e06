import { CODE_SYSTEM_URL, questionnaireUrl } from '../../../src/fhir/codes';
import type { InstrumentId } from '../../../src/core/instruments';
import type { Sandbox } from '../../../src/node/sandbox/sandbox';

// What the server holds for a patient, asked of the engine directly (no token, no app code in between),
// so the journeys check the record itself rather than what the app believes it wrote.

async function search<T extends fhir4.Resource>(sandbox: Sandbox, query: string): Promise<T[]> {
  const answer = await sandbox.engine.handle({ method: 'GET', path: `${query}&_count=1000` });
  if (answer.status !== 200) throw new Error(`search ${query} failed: ${answer.status}`);
  const bundle = answer.body as fhir4.Bundle;
  return (bundle.entry ?? []).map((e) => e.resource as T);
}

export interface PatientRecord {
  readonly responses: fhir4.QuestionnaireResponse[];
  readonly observations: fhir4.Observation[];
  readonly flags: fhir4.Flag[];
}

export async function patientRecord(sandbox: Sandbox, patientId: string): Promise<PatientRecord> {
  const subject = `Patient/${patientId}`;
  const [responses, observations, flags] = await Promise.all([
    search<fhir4.QuestionnaireResponse>(sandbox, `QuestionnaireResponse?subject=${subject}`),
    search<fhir4.Observation>(sandbox, `Observation?subject=${subject}`),
    search<fhir4.Flag>(sandbox, `Flag?subject=${subject}`),
  ]);
  return { responses, observations, flags };
}

/** Responses to one of our instruments authored at or after `sinceMs` (`authored` has whole seconds). */
export function responsesSince(
  record: PatientRecord,
  instrument: InstrumentId,
  sinceMs: number,
): fhir4.QuestionnaireResponse[] {
  const canonical = questionnaireUrl(instrument);
  const from = Math.floor(sinceMs / 1000) * 1000;
  return record.responses.filter(
    (r) => r.questionnaire?.split('|')[0] === canonical && Date.parse(r.authored ?? '') >= from,
  );
}

/** Observations derived from the given response. */
export function observationsOf(record: PatientRecord, response: fhir4.QuestionnaireResponse): fhir4.Observation[] {
  return record.observations.filter((o) =>
    o.derivedFrom?.some((d) => d.reference === `QuestionnaireResponse/${response.id ?? ''}`),
  );
}

export function ruleOfFlag(flag: fhir4.Flag): string | undefined {
  return flag.code.coding?.find((c) => c.system === CODE_SYSTEM_URL)?.code;
}

/** Rule codes of the active Flags, sorted. */
export function activeFlagRules(record: PatientRecord): string[] {
  return record.flags
    .filter((f) => f.status === 'active')
    .map(ruleOfFlag)
    .filter((r): r is string => Boolean(r))
    .sort();
}
