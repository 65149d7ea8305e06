import type { QrAnswer, QrItem } from '../schemas/questionnaire-response';

/** An answered (or unanswered) item wherever it sat: top level, inside a group, or under an answer. */
export interface FlatItem {
  readonly linkId: string;
  readonly definition?: string;
  readonly answers: readonly QrAnswer[];
  /** Where it is in the resource, for messages: `item[1].item[0]`. */
  readonly path: string;
}

/** Every item of a response, depth first; groups contribute their children, not themselves. */
export function flattenItems(items: readonly QrItem[] | undefined): FlatItem[] {
  const out: FlatItem[] = [];
  collect(items, '', out);
  return out;
}

// A push-based walk: this runs once per response read, so it avoids the intermediate arrays of flatMap.
function collect(items: readonly QrItem[] | undefined, prefix: string, out: FlatItem[]): void {
  if (!items) return;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const path = `${prefix}item[${index}]`;
    const answers = item.answer ?? [];
    if (answers.length > 0 || !item.item) out.push({ linkId: item.linkId, definition: item.definition, answers, path });
    collect(item.item, `${path}.`, out);
    for (let a = 0; a < answers.length; a++) collect(answers[a]!.item, `${path}.answer[${a}].`, out);
  }
}
