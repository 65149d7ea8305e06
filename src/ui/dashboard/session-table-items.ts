import type { EpisodeView, SessionRow } from './view-model';

// The session table's rows in order: each response, with a marker row above the latest row of each episode
// of care (the rows are newest first) when the record has more than one. One flat list, so that a window of
// it (use-row-window.ts) and each row's place in the table (aria-rowindex) are plain indexes.

export type TableItem =
  | { readonly kind: 'response'; readonly key: string; readonly row: SessionRow }
  | { readonly kind: 'episode'; readonly key: string; readonly episode: number };

export function tableItems(rows: readonly SessionRow[], episodes: readonly EpisodeView[]): TableItem[] {
  const items: TableItem[] = [];
  rows.forEach((row, i) => {
    if (episodes.length > 1 && row.episode !== undefined && row.episode !== rows[i - 1]?.episode)
      items.push({ kind: 'episode', key: `episode-above-${row.id}`, episode: row.episode });
    items.push({ kind: 'response', key: row.id, row });
  });
  return items;
}
