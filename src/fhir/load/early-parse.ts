import type { Administration } from '../../core/model';
import {
  type ParseContext,
  parseQuestionnaireResponse,
  type ResponseParseResult,
} from '../parse/questionnaire-response';

// A long history's further pages arrive one after another (a server answers them in turn). Each page's
// responses are parsed as soon as it is in, while the server is still producing the next, instead of all at
// the end: the first chart then waits for the last page's parsing only. The answers are kept by the resource
// object itself, and the history's usual classification (after paging, duplicates and filtering as before)
// takes them from here; whatever was not parsed early is parsed then. Valid only for one ParseContext.

export interface EarlyParser {
  /** Parses the responses of one search answer (a Bundle as received; anything else is left alone); gives those read. */
  page(body: unknown): Administration[];
  /** The parse of a response: the one made when its page arrived, else a fresh one. */
  parse(resource: unknown): ResponseParseResult;
}

function entryResources(body: unknown): unknown[] {
  const entry = typeof body === 'object' && body !== null ? (body as { entry?: unknown }).entry : undefined;
  if (!Array.isArray(entry)) return [];
  return entry.map((e: unknown) => (typeof e === 'object' && e !== null ? (e as { resource?: unknown }).resource : e));
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

export function earlyParser(context: ParseContext): EarlyParser {
  const parsed = new WeakMap<object, ResponseParseResult>();
  return {
    page(body) {
      const read: Administration[] = [];
      for (const resource of entryResources(body))
        if (isObject(resource) && !parsed.has(resource)) {
          const result = parseQuestionnaireResponse(resource, context);
          parsed.set(resource, result);
          if (result.ok) read.push(result.administration);
        }
      return read;
    },
    parse(resource) {
      return (isObject(resource) ? parsed.get(resource) : undefined) ?? parseQuestionnaireResponse(resource, context);
    },
  };
}
