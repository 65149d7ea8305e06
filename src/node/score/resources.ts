import { fail, succeed, type Result } from '../../core/result';
import type { Administration } from '../../core/model';
import { parseQuestionnaireResponse } from '../../fhir/parse/questionnaire-response';
import { patientSchema } from '../../fhir/schemas/patient';
import { validate } from '../../fhir/schemas/validate';
import type { ScoreSettings } from './settings';

// One resource of the input → what the scorer does with it. Only QuestionnaireResponses are scored and
// Patients give birth dates; every other FHIR resource type (the seed's Encounters, Practitioners,
// Questionnaires…) is skipped and counted, which is not an error.

/**
 * Where a resource was read: the line number of an NDJSON file, or words ('document'). Lines pass their
 * number, and words are made only for a problem: most lines of a population have none.
 */
export type Where = number | string;

export function describeWhere(where: Where): string {
  return typeof where === 'number' ? `line ${where}` : where;
}

export type Taken =
  | { readonly kind: 'response'; readonly patientId: string; readonly administration: Administration }
  | { readonly kind: 'patient'; readonly patientId: string; readonly birthDate: string | undefined }
  | { readonly kind: 'skipped'; readonly resourceType: string }
  | { readonly kind: 'bad'; readonly where: string; readonly reason: string };

function resourceTypeOf(resource: unknown): unknown {
  return typeof resource === 'object' && resource !== null
    ? (resource as { resourceType?: unknown }).resourceType
    : undefined;
}

/** Bundles in Bundles are legal but rare; the bound keeps hostile nesting from exhausting the stack. */
const MAX_BUNDLE_DEPTH = 8;

/** Calls `visit` for the resource, or for each entry of a Bundle (nested Bundles included). */
export function classify(
  resource: unknown,
  where: Where,
  visit: (taken: Taken) => void,
  settings: ScoreSettings,
  depth = 0,
): void {
  const type = resourceTypeOf(resource);
  if (type === 'QuestionnaireResponse') {
    const parsed = parseQuestionnaireResponse(resource, { mappings: settings.mappings });
    visit(
      parsed.ok
        ? { kind: 'response', patientId: parsed.patientId, administration: parsed.administration }
        : { kind: 'bad', where: describeWhere(where), reason: parsed.reason },
    );
  } else if (type === 'Patient') {
    const patient = validate(patientSchema, resource);
    if (!patient.ok)
      visit({ kind: 'bad', where: describeWhere(where), reason: `Patient: ${patient.error.join('; ')}` });
    else if (patient.value.id)
      visit({ kind: 'patient', patientId: patient.value.id, birthDate: patient.value.birthDate });
  } else if (type === 'Bundle' && depth >= MAX_BUNDLE_DEPTH) {
    visit({
      kind: 'bad',
      where: describeWhere(where),
      reason: `Bundle: nested deeper than ${MAX_BUNDLE_DEPTH} Bundles`,
    });
  } else if (type === 'Bundle') {
    const entries = (resource as { entry?: unknown }).entry;
    if (!Array.isArray(entries)) return;
    entries.forEach((entry: unknown, i) =>
      classify(
        (entry as { resource?: unknown } | null)?.resource,
        `${describeWhere(where)} entry ${i}`,
        visit,
        settings,
        depth + 1,
      ),
    );
  } else if (typeof type === 'string' && type !== '') {
    visit({ kind: 'skipped', resourceType: type });
  } else {
    visit({ kind: 'bad', where: describeWhere(where), reason: 'not a FHIR resource (no resourceType)' });
  }
}

export function parseJson(text: string): Result<unknown> {
  try {
    return succeed(JSON.parse(text));
  } catch (error) {
    return fail(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
