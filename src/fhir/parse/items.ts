import type { QrAnswer, QrItem } from '../schemas/questionnaire-response';

/** An answered (or unanswered) item wherever it sat: top level, inside a group, or under an answer. */
export interface FlatItem {
  readonly linkId: string;
  readonly definition?: string;
  readonly answers: readonly QrAnswer[];
  /** Where its list is in the resource (`item[1].`, '' at the top); see itemPath. */
  readonly within: string;
  /** Its index in that list. */
  readonly index: number;
}

/** Where the item is in the resource, for messages: `item[1].item[0]`. */
export function itemPath(flat: Pick<FlatItem, 'within' | 'index'>): string {
  return `${flat.within}item[${flat.index}]`;
}

/** Every item of a response, depth first; groups contribute their children, not themselves. */
export function flattenItems(items: readonly QrItem[] | undefined): FlatItem[] {
  const out: FlatItem[] = [];
  collect(items, '', out);
  return out;
}

// A push-based walk: this runs once per response read, so it avoids the intermediate arrays of flatMap, and
// it writes a path only where items nest (a message builds the others' paths from `within` and `index`).
function collect(items: readonly QrItem[] | undefined, within: string, out: FlatItem[]): void {
  if (!items) return;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const answers = item.answer ?? [];
    if (answers.length > 0 || !item.item)
      out.push({ linkId: item.linkId, definition: item.definition, answers, within, index });
    if (item.item) collect(item.item, `${itemPath({ within, index })}.`, out);
    for (let a = 0; a < answers.length; a++) {
      const nested = answers[a]!.item;
      if (nested) collect(nested, `${itemPath({ within, index })}.answer[${a}].`, out);
    }
  }
}
