import type { Instrument, Item, Language } from '../../core/instruments';
import { formatPoints } from './rating-scale';

/** The heading of an item as the review lists it: the rating line's label, or the statement's number. */
export function itemTitle(item: Item, language: Language): string {
  return item.kind === 'rating-line' ? item.label[language] : `${item.number}. ${item.text[language]}`;
}

/** An answer as a person reads it: points for a rating line ("6.3"), the option's label for a statement. */
export function answerText(instrument: Instrument, item: Item, value: number, language: Language): string {
  if (item.kind === 'rating-line') return formatPoints(value, language);
  const options = instrument.scale.type === 'likert' ? instrument.scale.options : [];
  const option = options.find((o) => o.value === value);
  return option ? `${option.value} – ${option.label[language]}` : String(value);
}
