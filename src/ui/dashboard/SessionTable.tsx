import { Fragment, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { itemsText } from './charts/ScoreTable';
import { ContinueButton } from './ContinueResponse';
import { subscaleLabel } from './item-labels';
import { RowNoteView } from './RowNote';
import { usePrinting } from './use-printing';
import { ROWS_PER_SLICE, useProgressiveRows } from './use-progressive-rows';
import type { EpisodeView, SessionRow, SessionStatus } from './view-model';

/** Rows shown before "show all": a long history stays quick to draw and to scan. */
export const FIRST_ROWS = 60;

const statusIcon: Record<SessionStatus, string> = {
  saved: '✓',
  'not-saved': '⚠',
  incomplete: '◐',
  unreadable: '✕',
  'not-scored': '–',
};

/** One row; memoised, so that adding rows (see use-progressive-rows.ts) does not redraw those already drawn. */
const SessionRowView = memo(function SessionRowView({ row }: { readonly row: SessionRow }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return (
    <tr className={`row-${row.status}`}>
      <td>{f.date(row.date)}</td>
      <td>{row.instrument?.toUpperCase() ?? '—'}</td>
      <td>{row.session ?? '—'}</td>
      <td>{row.total === undefined ? '—' : f.score(row.total)}</td>
      <td className="items-cell">
        <RowDetail row={row} />
      </td>
      <td>
        <span aria-hidden="true">{statusIcon[row.status]} </span>
        <span>{t(`table.statusLabel.${row.status}`)}</span>
        {row.note && <RowNoteView note={row.note} />}
        <ContinueButton row={row} />
      </td>
    </tr>
  );
});

/** Where each row group begins: fixed boundaries, so a group once full is never drawn again. */
function sliceStarts(count: number): number[] {
  return Array.from({ length: Math.ceil(count / ROWS_PER_SLICE) }, (_, i) => i * ROWS_PER_SLICE);
}

interface RowSliceProps {
  readonly rows: readonly SessionRow[];
  readonly start: number;
  readonly end: number;
  readonly episodes: readonly EpisodeView[];
}

/**
 * One slice of rows in its own row group (a table may have several <tbody>). Memoised: adding a slice
 * after "show all" reconciles one element per group drawn, not one per row, so the last slices cost what
 * the first did.
 */
const RowSlice = memo(function RowSlice({ rows, start, end, episodes }: RowSliceProps) {
  const slice = rows.slice(start, end);
  return (
    <tbody>
      {slice.map((row, i) => (
        <Fragment key={row.id}>
          {episodes.length > 1 && row.episode !== undefined && row.episode !== rows[start + i - 1]?.episode && (
            <EpisodeMarker index={row.episode} episodes={episodes} />
          )}
          <SessionRowView row={row} />
        </Fragment>
      ))}
    </tbody>
  );
});

/** Every response in the record, newest first, with its scores and whether it is saved and scored. */
export function SessionTable({
  rows,
  episodes = [],
}: {
  readonly rows: readonly SessionRow[];
  readonly episodes?: readonly EpisodeView[];
}) {
  const { t } = useTranslation('dashboard');
  const progressive = useProgressiveRows(rows.length, FIRST_ROWS);
  // Paper gets every row: it has no "show all".
  const printing = usePrinting();
  const shown = printing ? rows : rows.slice(0, progressive.count);
  return (
    <section className="sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('table.heading')}</h2>
      {rows.length === 0 ? (
        <p>{t('table.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('table.scrollArea')}>
          <table className="data-table session-table" aria-busy={progressive.growing || undefined}>
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.date')}</th>
                <th scope="col">{t('table.instrument')}</th>
                <th scope="col">{t('table.session')}</th>
                <th scope="col">{t('table.score')}</th>
                <th scope="col">{t('table.detail')}</th>
                <th scope="col">{t('table.status')}</th>
              </tr>
            </thead>
            {sliceStarts(shown.length).map((start) => (
              <RowSlice
                key={start}
                rows={rows}
                start={start}
                end={Math.min(start + ROWS_PER_SLICE, shown.length)}
                episodes={episodes}
              />
            ))}
          </table>
        </div>
      )}
      {shown.length < rows.length && !progressive.growing && (
        <button type="button" className="show-all" onClick={progressive.showAll}>
          {t('table.showAll', { shown: shown.length, count: rows.length })}
        </button>
      )}
    </section>
  );
}

/** What the total is made of: each item named with its answer; for the WAI-SR its subscale means, then its twelve answers. */
function RowDetail({ row }: { readonly row: SessionRow }) {
  const { t, i18n } = useTranslation('dashboard');
  const f = useFormat();
  if (!row.items?.length) return <>—</>;
  if (!row.subscales) return <>{itemsText(row.items, i18n.language, f)}</>;
  const { subscales } = row;
  const means = (['task', 'bond', 'goal'] as const)
    .map((s) => `${subscaleLabel(s, i18n.language)} ${f.mean(subscales[s])}`)
    .join(' · ');
  return (
    <>
      {means}
      <br />
      <span className="muted">
        {t('table.waiItems', { answers: row.items.map((i) => f.number(i.value)).join(' ') })}
      </span>
    </>
  );
}

/** Where an episode of care begins (the rows are newest first, so above its latest row). */
function EpisodeMarker({ index, episodes }: { readonly index: number; readonly episodes: readonly EpisodeView[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const episode = episodes.find((e) => e.index === index);
  return (
    <tr className="episode-marker">
      <th colSpan={6} scope="colgroup">
        {t('episode.marker', { index, date: f.date(episode?.startDate) })}
      </th>
    </tr>
  );
}
