import { instruments } from '../../core/instruments';
import { perInstrument } from '../../core/instruments/per-instrument';
import type { Instrument, InstrumentId } from '../../core/instruments/types';
import type { Administration } from '../../core/model';
import { fail, succeed, type Result } from '../../core/result';
import type { InstrumentMapping } from '../instrument-mappings';
import type { Identifier } from '../schemas/datatypes';
import type { Questionnaire } from '../schemas/questionnaire';
import { type QuestionnaireResponse, questionnaireResponseSchema } from '../schemas/questionnaire-response';
import { validate } from '../schemas/validate';
import { answerValue } from './answers';
import { isBeyondNow } from './future';
import { identifyInstrument } from './instrument';
import { type FlatItem, flattenItems, itemPath } from './items';
import { rawString } from './raw';
import { normaliseId, referenceId } from './references';
import { administrationIdOf } from '../resources/identity';
import { itemDepth, MAX_ITEM_DEPTH, plainResponse } from './response-shape';
import type { UnreadableKind } from './unreadable-kind';

// A QuestionnaireResponse from the server → the core's Administration, or a reason a person can read.
// Identity: Administration.id is the response's identifier value when it has one (stable across servers
// and retries: the app mints it before the first write), else the server id; the server id is kept too.

export interface ParsedResponse {
  readonly ok: true;
  readonly administration: Administration;
  readonly patientId: string;
  /** The server's resource id (bare, even when the server sent a full URL). */
  readonly sourceId: string | undefined;
  /** The version read (`meta.versionId`): the If-Match of an update that completes this response. */
  readonly sourceVersion?: string;
  readonly identifier?: Identifier;
  /** `questionnaire` exactly as the response gave it. */
  readonly questionnaire: string | undefined;
  readonly versionMissing: boolean;
  /** Not made with our Questionnaire: read through its instrumentMappings entry. */
  readonly foreign: boolean;
}

export interface UnreadableResponse {
  readonly ok: false;
  readonly kind: UnreadableKind;
  /** The technical detail (field paths, FHIR words): for support staff and logs, never the clinician's screen. */
  readonly reason: string;
  readonly date?: string;
  readonly instrument?: InstrumentId;
  readonly resourceId?: string;
}

export type ResponseParseResult = ParsedResponse | UnreadableResponse;

export interface ParseContext {
  /** Questionnaires found on the server, to resolve `questionnaire: "Questionnaire/<id>"`. */
  readonly questionnaires?: readonly Questionnaire[];
  /** The time of reading (ms since the epoch): a response authored beyond it is refused. No check without it. */
  readonly now?: number;
  /** The patient being read: a response about anyone else is refused. No check without it. */
  readonly patientId?: string;
  /** smart-launch.json `instrumentMappings`: how other systems' forms are read. */
  readonly mappings?: readonly InstrumentMapping[];
}

function unreadable(
  resource: unknown,
  kind: UnreadableKind,
  reason: string,
  instrument?: InstrumentId,
): UnreadableResponse {
  const date = rawString(resource, 'authored');
  const id = rawString(resource, 'id');
  return {
    ok: false,
    kind,
    reason,
    ...(date ? { date } : {}),
    ...(instrument ? { instrument } : {}),
    ...(id ? { resourceId: normaliseId(id) } : {}),
  };
}

/** Each of our items' numbers by linkId, or the reason the answers cannot be read. */
type Answers = Result<Record<string, number>>;

/** Each of our items' position by linkId. */
const positionsOf = perInstrument(
  (instrument): ReadonlyMap<string, number> => new Map(instrument.items.map((item, k) => [item.linkId, k])),
);

/** Our item (its position) that an answered item answers by `key`, if any. */
function ourItem(positions: ReadonlyMap<string, number>, key: string | undefined): number | undefined {
  return key === undefined ? undefined : positions.get(key);
}

/** The answered items found for each of our items: the first, and a second one if there is (an error). */
interface Found {
  readonly first: (FlatItem | undefined)[];
  readonly second: (FlatItem | undefined)[];
}

function keep(found: Found, k: number | undefined, flat: FlatItem): void {
  if (k === undefined) return;
  if (!found.first[k]) found.first[k] = flat;
  else found.second[k] ??= flat;
}

/**
 * An answered item answers our item through the mapping for a foreign form, else by its own linkId or its
 * definition's (`…#ors-1`). The response's items are walked once, each kept at our item's position; problems
 * are then reported in our items' order (the first answered twice, with more than one answer, or unreadable).
 */
function readAnswers(
  instrument: Instrument,
  items: readonly FlatItem[],
  mapping: InstrumentMapping | undefined,
): Answers {
  const positions = positionsOf(instrument);
  const found: Found = { first: [], second: [] };
  for (const flat of items) {
    if (flat.answers.length === 0) continue;
    if (mapping) {
      keep(found, ourItem(positions, mapping.linkIds[flat.linkId]), flat);
      continue;
    }
    const byLinkId = positions.get(flat.linkId);
    keep(found, byLinkId, flat);
    if (flat.definition === undefined) continue;
    const byDefinition = ourItem(positions, flat.definition.split('#')[1] ?? flat.linkId);
    if (byDefinition !== byLinkId) keep(found, byDefinition, flat);
  }
  const answers: Record<string, number> = {};
  for (let k = 0; k < instrument.items.length; k++) {
    const item = instrument.items[k]!;
    const answered = found.first[k];
    if (!answered) continue;
    const again = found.second[k];
    if (again) return fail(`${itemPath(again)}: ${item.linkId} is answered twice`);
    if (answered.answers.length > 1)
      return fail(`${itemPath(answered)}: ${item.linkId} has ${answered.answers.length} answers, expected one`);
    const value = answerValue(instrument, item, answered.answers[0]!, mapping);
    if (!value.ok) return fail(`${itemPath(answered)}.answer[0]: ${value.error}`);
    answers[item.linkId] = value.value;
  }
  return succeed(answers);
}

function toParsed(qr: QuestionnaireResponse, resource: unknown, context: ParseContext): ResponseParseResult {
  const items = flattenItems(qr.item);
  const match = identifyInstrument(qr.questionnaire, items, context.questionnaires ?? [], context.mappings ?? []);
  if (!match)
    return unreadable(
      resource,
      'unknown-form',
      `not one of our instruments (questionnaire: ${qr.questionnaire ?? 'none'})`,
    );
  if (match.foreign && !match.mapping) {
    return unreadable(
      resource,
      'unknown-scale',
      `unknown scale: a ${match.instrument.toUpperCase()} not made with our Questionnaire (questionnaire: ${qr.questionnaire ?? 'none'}) and no instrumentMappings entry declares its units`,
      match.instrument,
    );
  }
  const patientId = referenceId(qr.subject?.reference, 'Patient');
  if (!patientId) return unreadable(resource, 'no-client', 'subject: missing a Patient reference', match.instrument);
  if (context.patientId !== undefined && patientId !== context.patientId) {
    return unreadable(
      resource,
      'other-client',
      'subject: another patient, not the one the app was opened for',
      match.instrument,
    );
  }
  if (!qr.authored) return unreadable(resource, 'no-date', 'authored: missing', match.instrument);
  if (context.now !== undefined && isBeyondNow(qr.authored, context.now)) {
    return unreadable(
      resource,
      'future-date',
      'authored: in the future (beyond a few minutes of clock difference): not counted',
      match.instrument,
    );
  }
  const sourceId = qr.id === undefined ? undefined : normaliseId(qr.id);
  const id = qr.identifier?.value ? administrationIdOf(qr.identifier.value) : sourceId;
  if (!id) return unreadable(resource, 'no-id', 'has neither an id nor an identifier', match.instrument);
  const read = readAnswers(instruments[match.instrument], items, match.mapping);
  if (!read.ok) return unreadable(resource, 'answers', read.error, match.instrument);
  // Field by field rather than spread in: every response of a population is read here.
  const parsed: { -readonly [K in keyof ParsedResponse]: ParsedResponse[K] } = {
    ok: true,
    administration: {
      id,
      instrument: match.instrument,
      authored: qr.authored,
      status: qr.status,
      answers: read.value,
    },
    patientId,
    sourceId,
    questionnaire: qr.questionnaire,
    versionMissing: match.versionMissing,
    foreign: match.foreign,
  };
  if (qr.meta?.versionId) parsed.sourceVersion = qr.meta.versionId;
  if (qr.identifier) parsed.identifier = qr.identifier;
  return parsed;
}

/** Never throws: every input gives either an Administration or a reason. */
export function parseQuestionnaireResponse(resource: unknown, context: ParseContext = {}): ResponseParseResult {
  const plain = plainResponse(resource);
  if (plain) return toParsed(plain, resource, context);
  if (itemDepth(resource) > MAX_ITEM_DEPTH)
    return unreadable(resource, 'damaged', `item: nested deeper than ${MAX_ITEM_DEPTH} levels`);
  const checked = validate(questionnaireResponseSchema, resource);
  if (!checked.ok) {
    const hint = identifyInstrument(rawString(resource, 'questionnaire'), [], [])?.instrument;
    return unreadable(resource, 'damaged', checked.error.slice(0, 3).join('; '), hint);
  }
  return toParsed(checked.value, resource, context);
}
