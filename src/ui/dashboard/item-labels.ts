import { instruments } from '../../core/instruments';
import type { Language, SubscaleDefinition } from '../../core/instruments/types';
import { pickLanguage } from '../i18n/locale';

// Item and subscale names for the clinician view, from the instrument definitions (the same words the
// client saw on the form). WAI-SR items have no short label: they are named by their number.

const byCode = new Map(
  Object.values(instruments).flatMap((instrument) => instrument.items.map((item) => [item.code, item] as const)),
);
const subscalesById = new Map<string, SubscaleDefinition>(
  Object.values(instruments).flatMap((instrument) => instrument.subscales.map((s) => [s.id, s] as const)),
);

const asLanguage = (language: string): Language => pickLanguage([language]);

/** "Approach or Method" for `srs-approach`; "Item 7" for `wai-sr-7`; the code itself when unknown. */
export function itemLabel(code: string, language: string): string {
  const item = byCode.get(code);
  if (!item) return code;
  return item.kind === 'rating-line'
    ? item.label[asLanguage(language)]
    : `${asLanguage(language) === 'es' ? 'Ítem' : 'Item'} ${item.number}`;
}

/** "Task" / "Tarea" for the WAI-SR subscale `task`. */
export function subscaleLabel(id: string, language: string): string {
  return subscalesById.get(id)?.label[asLanguage(language)] ?? id;
}
