import { instrumentIds, instruments } from '../../core/instruments';
import type { InstrumentId } from '../../core/instruments/types';
import { questionnaireUrl } from '../codes';
import { type InstrumentMapping, mappingFor } from '../instrument-mappings';
import type { Questionnaire } from '../schemas/questionnaire';
import type { FlatItem } from './items';
import { normaliseId, parseReference, splitCanonical } from './references';

// Which instrument a response is, tried in this order:
//   1. `questionnaire` is our canonical (with or without `|version`)            → ours
//   2. `questionnaire` is a literal reference (`Questionnaire/abc`, or a full URL on the server) to a
//      Questionnaire found on the server whose `url` is our canonical                 → ours
//   3. `questionnaire`, or the base of an item's `definition`, has an instrumentMappings entry → mapped
//   4. an item's `definition` points into our canonical (`…/Questionnaire/ors#ors-1`)  → foreign, unknown scale
//   5. the answered linkIds are the items of exactly one instrument                    → foreign, unknown scale
// Ours are read in our declared units (millimetres, option values); mapped ones in the units their mapping
// declares; a foreign response without a mapping is named (instrument known) but not read: its unit would be
// a guess.

export interface InstrumentMatch {
  readonly instrument: InstrumentId;
  readonly foreign: boolean;
  readonly versionMissing: boolean;
  readonly via: 'canonical' | 'questionnaire-reference' | 'mapping' | 'item-definition' | 'link-ids';
  /** How to read a foreign response; absent for ours, and for a foreign one nobody declared (unknown scale). */
  readonly mapping?: InstrumentMapping;
}

const instrumentByUrl: ReadonlyMap<string, InstrumentId> = new Map(
  instrumentIds.map((id) => [questionnaireUrl(id), id]),
);

function ourInstrumentByUrl(url: string | undefined): InstrumentId | undefined {
  return url === undefined ? undefined : instrumentByUrl.get(url);
}

// Canonicals already read, with what they named: a population's responses repeat a handful of them. Bounded
// (cleared when full) so that a file of distinct junk cannot grow it.
const canonicalsRead = new Map<string, InstrumentMatch | undefined>();
const CANONICALS_KEPT = 256;

function byCanonical(questionnaire: string): InstrumentMatch | undefined {
  if (canonicalsRead.has(questionnaire)) return canonicalsRead.get(questionnaire);
  const { url, version } = splitCanonical(questionnaire);
  const instrument = ourInstrumentByUrl(url);
  const match: InstrumentMatch | undefined = instrument && {
    instrument,
    foreign: false,
    versionMissing: version === undefined,
    via: 'canonical',
  };
  if (canonicalsRead.size >= CANONICALS_KEPT) canonicalsRead.clear();
  canonicalsRead.set(questionnaire, match);
  return match;
}

function byServerQuestionnaire(questionnaire: string, found: readonly Questionnaire[]): InstrumentMatch | undefined {
  const ref = parseReference(questionnaire);
  if (ref?.type !== 'Questionnaire') return undefined;
  const target = found.find((q) => q.id !== undefined && normaliseId(q.id) === ref.id);
  const instrument = ourInstrumentByUrl(target?.url);
  return (
    instrument && {
      instrument,
      foreign: false,
      versionMissing: target?.version === undefined,
      via: 'questionnaire-reference',
    }
  );
}

function byMapping(
  questionnaire: string | undefined,
  items: readonly FlatItem[],
  mappings: readonly InstrumentMapping[],
): InstrumentMatch | undefined {
  if (mappings.length === 0) return undefined;
  let mapping = mappingFor(mappings, questionnaire);
  for (let i = 0; !mapping && i < items.length; i++)
    mapping = mappingFor(mappings, items[i]!.definition?.split('#')[0]);
  return mapping && { instrument: mapping.instrument, foreign: true, versionMissing: true, via: 'mapping', mapping };
}

function byItemDefinition(items: readonly FlatItem[]): InstrumentMatch | undefined {
  for (const item of items) {
    const base = item.definition?.split('#')[0];
    const instrument = base === undefined ? undefined : ourInstrumentByUrl(splitCanonical(base).url);
    if (instrument) return { instrument, foreign: true, versionMissing: true, via: 'item-definition' };
  }
  return undefined;
}

function byLinkIds(items: readonly FlatItem[]): InstrumentMatch | undefined {
  const linkIds = new Set(items.map((i) => i.linkId));
  const candidates = instrumentIds.filter((id) => instruments[id].items.some((item) => linkIds.has(item.linkId)));
  const [only] = candidates;
  return candidates.length === 1 && only
    ? { instrument: only, foreign: true, versionMissing: true, via: 'link-ids' }
    : undefined;
}

export function identifyInstrument(
  questionnaire: string | undefined,
  items: readonly FlatItem[],
  found: readonly Questionnaire[],
  mappings: readonly InstrumentMapping[] = [],
): InstrumentMatch | undefined {
  const fromReference =
    questionnaire === undefined
      ? undefined
      : (byCanonical(questionnaire) ?? byServerQuestionnaire(questionnaire, found));
  return fromReference ?? byMapping(questionnaire, items, mappings) ?? byItemDefinition(items) ?? byLinkIds(items);
}
