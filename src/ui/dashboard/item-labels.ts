import { instruments } from '../../core/instruments';
import type { Language, SubscaleDefinition } from '../../core/instruments/types';
import { pickLanguage } from '../i18n/locale';

// Item and subscale names for the clinician view, from the instrument definitions (the same words the
// client saw on the form). WAI-SR items have no short label: they are named by their number.

const allItems = Object.values(instruments).flatMap((instrument) => instrument.items);
const byCode = new Map(allItems.map((item) => [item.code, item] as const));
// Link ids carry their instrument's prefix (`srs-4`, `wai-sr-7`), so one map serves every instrument.
const byLinkId = new Map(allItems.map((item) => [item.linkId, item] as const));
const subscalesById = new Map<string, SubscaleDefinition>(
  Object.values(instruments).flatMap((instrument) => instrument.subscales.map((s) => [s.id, s] as const)),
);

const asLanguage = (language: string): Language => pickLanguage([language]);

type Item = (typeof allItems)[number];

function labelOf(item: Item, language: string): string {
  return item.kind === 'rating-line'
    ? item.label[asLanguage(language)]
    : `${asLanguage(language) === 'es' ? 'Ítem' : 'Item'} ${item.number}`;
}

/** "Approach or Method" for `srs-approach`; "Item 7" for `wai-sr-7`; the code itself when unknown. */
export function itemLabel(code: string, language: string): string {
  const item = byCode.get(code);
  return item ? labelOf(item, language) : code;
}

/** The same name from an answer's link id (`srs-3` is "Approach or Method"); the link id itself when unknown. */
export function itemLabelOfLinkId(linkId: string, language: string): string {
  const item = byLinkId.get(linkId);
  return item ? labelOf(item, language) : linkId;
}

/** "Task" / "Tarea" for the WAI-SR subscale `task`. */
export function subscaleLabel(id: string, language: string): string {
  return subscalesById.get(id)?.label[asLanguage(language)] ?? id;
}
