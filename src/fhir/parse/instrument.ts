import { instrumentIds, instruments } from '../../core/instruments';
import type { InstrumentId } from '../../core/instruments/types';
import { questionnaireUrl } from '../codes';
import type { Questionnaire } from '../schemas/questionnaire';
import type { FlatItem } from './items';
import { normaliseId, parseReference, splitCanonical } from './references';

// Which instrument a response is, tried in this order:
//   1. `questionnaire` is our canonical (with or without `|version`)            → ours
//   2. `questionnaire` is a literal reference (`Questionnaire/abc`, or a full URL on the server) to a
//      Questionnaire found on the server whose `url` is our canonical                 → ours
//   3. an item's `definition` points into our canonical (`…/Questionnaire/ors#ors-1`)  → foreign
//   4. the answered linkIds are the items of exactly one instrument                    → foreign
// "Foreign" means the response was not made against our Questionnaire, so its rating lines are read
// as points 0–10 (instruments.md Part A), not as our millimetres.

export interface InstrumentMatch {
  readonly instrument: InstrumentId;
  readonly foreign: boolean;
  readonly versionMissing: boolean;
  readonly via: 'canonical' | 'questionnaire-reference' | 'item-definition' | 'link-ids';
}

const instrumentByUrl: ReadonlyMap<string, InstrumentId> = new Map(instrumentIds.map((id) => [questionnaireUrl(id), id]));

function ourInstrumentByUrl(url: string | undefined): InstrumentId | undefined {
  return url === undefined ? undefined : instrumentByUrl.get(url);
}

function byCanonical(questionnaire: string): InstrumentMatch | undefined {
  const { url, version } = splitCanonical(questionnaire);
  const instrument = ourInstrumentByUrl(url);
  return instrument && { instrument, foreign: false, versionMissing: version === undefined, via: 'canonical' };
}

function byServerQuestionnaire(questionnaire: string, found: readonly Questionnaire[]): InstrumentMatch | undefined {
  const ref = parseReference(questionnaire);
  if (ref?.type !== 'Questionnaire') return undefined;
  const target = found.find((q) => q.id !== undefined && normaliseId(q.id) === ref.id);
  const instrument = ourInstrumentByUrl(target?.url);
  return instrument && { instrument, foreign: false, versionMissing: target?.version === undefined, via: 'questionnaire-reference' };
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
  return candidates.length === 1 && only ? { instrument: only, foreign: true, versionMissing: true, via: 'link-ids' } : undefined;
}

export function identifyInstrument(
  questionnaire: string | undefined,
  items: readonly FlatItem[],
  found: readonly Questionnaire[],
): InstrumentMatch | undefined {
  const fromReference = questionnaire === undefined ? undefined : (byCanonical(questionnaire) ?? byServerQuestionnaire(questionnaire, found));
  return fromReference ?? byItemDefinition(items) ?? byLinkIds(items);
}
