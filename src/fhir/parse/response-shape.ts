import { FHIR_DATE_TIME } from '../schemas/datatypes';
import type { QuestionnaireResponse } from '../schemas/questionnaire-response';

// The fast path of response validation. Responses are overwhelmingly in the shape this app and the seed
// write (flat items, integer/decimal/string/coding answers, plain references); checking that shape by hand costs
// a fraction of running the zod schema. The check accepts a strict subset of what the schema accepts, so
// anything it does not recognise (an extension, a coding, a vendor field) simply goes to zod, which also
// explains every failure. Depth is bounded first: hostile nesting gets a reason, never a stack overflow.

/** Items nest in groups and under answers; real instruments use two or three levels. */
export const MAX_ITEM_DEPTH = 32;

const STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);
/** The response's elements that are References. */
const REFERENCE_ELEMENTS = new Set(['subject', 'encounter', 'author', 'source']);

/** The keys a plain datatype may hold (each a string), as a lookup the engine answers fast even unoptimised. */
type Keys = Readonly<Record<string, true>>;
const keys = (...names: string[]): Keys => Object.freeze(Object.fromEntries(names.map((n) => [n, true] as const)));
const CODING_FIELDS = keys('system', 'version', 'code', 'display');
const IDENTIFIER_FIELDS = keys('system', 'value');
const META_FIELDS = keys('versionId', 'lastUpdated');
const REFERENCE_FIELDS = keys('reference', 'display', 'type');

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every key is one of `allowed` and holds a string. */
function stringsOnly(value: unknown, allowed: Keys): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    if (typeof value[key] !== 'string' || allowed[key] !== true) return false;
  }
  return true;
}

function plainAnswer(answer: unknown, depth: number): boolean {
  if (!isObject(answer)) return false;
  for (const key in answer) {
    const value = answer[key];
    if (key === 'valueInteger') {
      if (!Number.isSafeInteger(value)) return false;
    } else if (key === 'valueDecimal') {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    } else if (key === 'valueString') {
      if (typeof value !== 'string') return false;
    }
    // Likert answers (the WAI-SR's) are codings: plain when they hold only strings.
    else if (key === 'valueCoding') {
      if (!stringsOnly(value, CODING_FIELDS)) return false;
    } else if (key === 'item') {
      if (!plainItems(value, depth + 1)) return false;
    } else return false;
  }
  return true;
}

function plainItem(item: unknown, depth: number): boolean {
  if (!isObject(item) || typeof item.linkId !== 'string') return false;
  for (const key in item) {
    const value = item[key];
    if (key === 'linkId' || key === 'text' || key === 'definition') {
      if (typeof value !== 'string') return false;
    } else if (key === 'item') {
      if (!plainItems(value, depth + 1)) return false;
    } else if (key === 'answer') {
      if (!Array.isArray(value)) return false;
      for (const answer of value) if (!plainAnswer(answer, depth)) return false;
    } else return false;
  }
  return true;
}

function plainItems(items: unknown, depth: number): boolean {
  if (!Array.isArray(items) || depth > MAX_ITEM_DEPTH) return false;
  for (const item of items) if (!plainItem(item, depth)) return false;
  return true;
}

function plainField(key: string, value: unknown): boolean {
  if (key === 'resourceType') return value === 'QuestionnaireResponse';
  if (key === 'status') return typeof value === 'string' && STATUSES.has(value);
  if (key === 'id') return typeof value === 'string' && value !== '';
  if (key === 'questionnaire') return typeof value === 'string';
  if (key === 'authored') return typeof value === 'string' && FHIR_DATE_TIME.test(value);
  if (key === 'identifier') return stringsOnly(value, IDENTIFIER_FIELDS);
  if (key === 'meta') return stringsOnly(value, META_FIELDS);
  if (key === 'item') return plainItems(value, 1);
  return REFERENCE_ELEMENTS.has(key) && stringsOnly(value, REFERENCE_FIELDS);
}

/** The input itself, typed, when it is in the plain shape; undefined means "ask the schema". */
export function plainResponse(resource: unknown): QuestionnaireResponse | undefined {
  if (!isObject(resource) || resource.resourceType !== 'QuestionnaireResponse' || typeof resource.status !== 'string')
    return undefined;
  for (const key in resource) {
    if (!plainField(key, resource[key])) return undefined;
  }
  return resource as QuestionnaireResponse;
}

/** How deep items nest, walked without recursion; stops counting once past `limit`. */
export function itemDepth(resource: unknown, limit = MAX_ITEM_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[isObject(resource) ? resource.item : undefined, 1]];
  while (stack.length > 0) {
    const [items, depth] = stack.pop()!;
    if (!Array.isArray(items)) continue;
    deepest = Math.max(deepest, depth);
    if (depth > limit) return deepest;
    for (const item of items) {
      if (!isObject(item)) continue;
      stack.push([item.item, depth + 1]);
      if (Array.isArray(item.answer))
        for (const answer of item.answer) if (isObject(answer)) stack.push([answer.item, depth + 1]);
    }
  }
  return deepest;
}
