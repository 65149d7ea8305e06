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
export function flattenItems(items: readonly QrItem[] | undefined, prefix = ''): FlatItem[] {
  return (items ?? []).flatMap((item, index) => {
    const path = `${prefix}item[${index}]`;
    const answers = item.answer ?? [];
    const self: FlatItem[] = answers.length > 0 || !item.item ? [{ linkId: item.linkId, definition: item.definition, answers, path }] : [];
    const nested = answers.flatMap((answer, a) => flattenItems(answer.item, `${path}.answer[${a}].`));
    return [...self, ...flattenItems(item.item, `${path}.`), ...nested];
  });
}
