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

// One function per level (the response, a list of items, an answer), each a loop over its keys with a switch.
// These run for every response of a long history while the engine is still compiling them; per-key and
// per-item helpers were each optimised on their own as well as inside their callers (measured in Chromium:
// a 2,000-session launch's optimising compiles 87–100 ms → 53–66 ms).

/** Items, and each item's answers, in the plain shape; nested items (groups, items under answers) recurse. */
function plainItems(items: unknown, depth: number): boolean {
  if (!Array.isArray(items) || depth > MAX_ITEM_DEPTH) return false;
  for (const item of items) {
    if (!isObject(item) || typeof item.linkId !== 'string') return false;
    for (const key in item) {
      const value = item[key];
      switch (key) {
        case 'linkId':
        case 'text':
        case 'definition':
          if (typeof value !== 'string') return false;
          break;
        case 'item':
          if (!plainItems(value, depth + 1)) return false;
          break;
        case 'answer':
          if (!Array.isArray(value)) return false;
          for (const answer of value) if (!plainAnswer(answer, depth)) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

function plainAnswer(answer: unknown, depth: number): boolean {
  if (!isObject(answer)) return false;
  for (const key in answer) {
    const value = answer[key];
    switch (key) {
      case 'valueInteger':
        if (!Number.isSafeInteger(value)) return false;
        break;
      case 'valueDecimal':
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        break;
      case 'valueString':
        if (typeof value !== 'string') return false;
        break;
      // Likert answers (the WAI-SR's) are codings: plain when they hold only strings.
      case 'valueCoding':
        if (!stringsOnly(value, CODING_FIELDS)) return false;
        break;
      case 'item':
        if (!plainItems(value, depth + 1)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The input itself, typed, when it is in the plain shape; undefined means "ask the schema". */
export function plainResponse(resource: unknown): QuestionnaireResponse | undefined {
  if (!isObject(resource) || resource.resourceType !== 'QuestionnaireResponse' || typeof resource.status !== 'string')
    return undefined;
  for (const key in resource) {
    const value = resource[key];
    switch (key) {
      case 'resourceType':
        break;
      case 'status':
        if (typeof value !== 'string' || !STATUSES.has(value)) return undefined;
        break;
      case 'id':
        if (typeof value !== 'string' || value === '') return undefined;
        break;
      case 'questionnaire':
        if (typeof value !== 'string') return undefined;
        break;
      case 'authored':
        if (typeof value !== 'string' || !FHIR_DATE_TIME.test(value)) return undefined;
        break;
      case 'identifier':
        if (!stringsOnly(value, IDENTIFIER_FIELDS)) return undefined;
        break;
      case 'meta':
        if (!stringsOnly(value, META_FIELDS)) return undefined;
        break;
      case 'item':
        if (!plainItems(value, 1)) return undefined;
        break;
      case 'subject':
      case 'encounter':
      case 'author':
      case 'source':
        if (!stringsOnly(value, REFERENCE_FIELDS)) return undefined;
        break;
      default:
        return undefined;
    }
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
