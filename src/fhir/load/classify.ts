import type { InstrumentId } from '../../core/instruments/types';
import type { RuleCode } from '../../core/model';
import { CODE_SYSTEM_URL } from '../codes';
import {
  type ParseContext,
  type ParsedResponse,
  parseQuestionnaireResponse,
  type ResponseParseResult,
} from '../parse/questionnaire-response';
import { rawString } from '../parse/raw';
import { normaliseId, referenceId } from '../parse/references';
import type { UnreadableKind } from '../parse/unreadable-kind';
import { type Flag, flagSchema, type Observation, observationSchema } from '../schemas/clinical';
import type { CodeableConcept } from '../schemas/datatypes';
import { type Patient, patientSchema } from '../schemas/patient';
import { type Questionnaire, questionnaireSchema } from '../schemas/questionnaire';
import { validate } from '../schemas/validate';

// Raw resources → the validated parts of a History. What is ours but unreadable is listed with a
// reason; what is not ours (another app's survey Observations, other Flags) is left alone.

export type LoadedAdministration = Omit<ParsedResponse, 'ok'>;
export type { UnreadableKind } from '../parse/unreadable-kind';

/**
 * A response of ours kept in progress (the record holds its newest version, so it was never finished): it
 * can be opened again with its answers. Another system's is not ours to finish.
 */
export function isResumable(response: LoadedAdministration): boolean {
  return !response.foreign && response.administration.status === 'in-progress';
}

export interface UnreadableResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly date?: string;
  readonly instrument?: InstrumentId;
  readonly kind: UnreadableKind;
  /** The technical detail (field paths, FHIR words): for support staff and logs, never the clinician's screen. */
  readonly reason: string;
}

/** An active Flag of ours: `active` is the core's ActiveFlag (id + rule), `resource` the Flag as read. */
export interface LoadedFlag {
  readonly active: { readonly id: string; readonly rule: RuleCode };
  readonly resource: Flag;
}

const RULE_CODES: Readonly<Record<RuleCode, true>> = {
  'outcome-deterioration': true,
  'outcome-not-on-track-early': true,
  'outcome-not-on-track-persistent': true,
  'outcome-sharp-drop': true,
  'outcome-recovered': true,
  'alliance-concern': true,
  'alliance-rupture-risk': true,
  'alliance-dip': true,
  'alliance-item-concern': true,
  'alliance-wai-drop': true,
  'alliance-wai-dip': true,
  'alliance-rupture-unresolved': true,
};

const isRuleCode = (code: string | undefined): code is RuleCode =>
  code !== undefined && Object.hasOwn(RULE_CODES, code);

/** Ours = coded in the project CodeSystem; read from the raw JSON so that a broken resource of ours is still recognised. */
function hasOurCoding(resource: unknown): boolean {
  const code =
    typeof resource === 'object' && resource !== null ? (resource as { code?: CodeableConcept }).code : undefined;
  return (
    Array.isArray(code?.coding) &&
    code.coding.some((c) => typeof c === 'object' && c !== null && c.system === CODE_SYSTEM_URL)
  );
}

interface Why {
  readonly kind: UnreadableKind;
  readonly reason: string;
}

/** Failed validation: the validator's messages as the detail. */
const damaged = (errors: readonly string[]): Why => ({ kind: 'damaged', reason: errors.join('; ') });

function unreadable(resourceType: string, resource: unknown, why: Why, date?: string): UnreadableResource {
  const id = rawString(resource, 'id');
  return { resourceType, ...why, ...(id ? { id: normaliseId(id) } : {}), ...(date ? { date } : {}) };
}

/** When a Flag began, read from the raw JSON so that a broken one still shows a date. */
function flagStart(resource: unknown): string | undefined {
  const period =
    typeof resource === 'object' && resource !== null ? (resource as { period?: unknown }).period : undefined;
  return rawString(period, 'start');
}

export interface Classified<T> {
  readonly items: T[];
  readonly unreadable: UnreadableResource[];
}

export function classifyPatient(resource: unknown): { patient?: Patient; unreadable?: UnreadableResource } {
  const parsed = validate(patientSchema, resource);
  return parsed.ok ? { patient: parsed.value } : { unreadable: unreadable('Patient', resource, damaged(parsed.error)) };
}

export function classifyQuestionnaires(resources: readonly unknown[]): Classified<Questionnaire> {
  const out: Classified<Questionnaire> = { items: [], unreadable: [] };
  for (const resource of resources) {
    const parsed = validate(questionnaireSchema, resource);
    if (parsed.ok) out.items.push(parsed.value);
    else out.unreadable.push(unreadable('Questionnaire', resource, damaged(parsed.error)));
  }
  return out;
}

export function classifyResponses(
  resources: readonly unknown[],
  context: ParseContext,
  /** Parses made ahead (early-parse.ts), for the same context. */
  parse: (resource: unknown) => ResponseParseResult = (resource) => parseQuestionnaireResponse(resource, context),
): Classified<LoadedAdministration> {
  const out: Classified<LoadedAdministration> = { items: [], unreadable: [] };
  for (const resource of resources) {
    const result = parse(resource);
    // A parsed response is a LoadedAdministration as it is (its `ok` aside): no copy of each of thousands.
    if (result.ok) out.items.push(result);
    else {
      const { ok: _ok, resourceId, ...rest } = result;
      out.unreadable.push({
        resourceType: 'QuestionnaireResponse',
        ...rest,
        ...(resourceId ? { id: resourceId } : {}),
      });
    }
  }
  return out;
}

export function classifyObservations(resources: readonly unknown[]): Classified<Observation> {
  const out: Classified<Observation> = { items: [], unreadable: [] };
  for (const resource of resources.filter(hasOurCoding)) {
    const parsed = validate(observationSchema, resource);
    if (parsed.ok) out.items.push(parsed.value);
    else
      out.unreadable.push(
        unreadable('Observation', resource, damaged(parsed.error), rawString(resource, 'effectiveDateTime')),
      );
  }
  return out;
}

/** Flags of `patientId` only: another patient's Flag must never be reconciled (ended) as this one's. */
export function classifyFlags(resources: readonly unknown[], patientId: string): Classified<LoadedFlag> {
  const out: Classified<LoadedFlag> = { items: [], unreadable: [] };
  for (const resource of resources.filter(hasOurCoding)) {
    const parsed = validate(flagSchema, resource);
    const rule = parsed.ok
      ? parsed.value.code.coding?.find((c) => c.system === CODE_SYSTEM_URL && isRuleCode(c.code))?.code
      : undefined;
    const skip = (why: Why) => out.unreadable.push(unreadable('Flag', resource, why, flagStart(resource)));
    if (!parsed.ok) skip(damaged(parsed.error));
    else if (referenceId(parsed.value.subject.reference, 'Patient') !== patientId)
      skip({ kind: 'other-client', reason: 'subject: another patient, not the one the app was opened for' });
    else if (!isRuleCode(rule)) skip({ kind: 'unknown-alert', reason: 'code: not one of our rule codes' });
    else if (!parsed.value.id) skip({ kind: 'no-id', reason: 'id: missing' });
    else if (parsed.value.status === 'active')
      out.items.push({ active: { id: normaliseId(parsed.value.id), rule }, resource: parsed.value });
  }
  return out;
}
