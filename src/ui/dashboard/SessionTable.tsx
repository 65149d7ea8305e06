import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { type Formatters, useFormat } from '../format';
import { itemsText } from './charts/ScoreTable';
import { ContinueButton } from './ContinueResponse';
import { subscaleLabel } from './item-labels';
import { RowNoteView } from './RowNote';
import { usePrinting } from './use-printing';
import { tableItems } from './session-table-items';
import { useRowWindow } from './use-row-window';
import type { EpisodeView, SessionRow, SessionStatus } from './view-model';

/** Rows shown before "show all": a long history stays quick to draw and to scan. */
export const FIRST_ROWS = 60;
/** Longer tables are drawn a window at a time (use-row-window.ts); shorter ones whole, for find-in-page. */
export const WINDOWED_FROM = 200;

const statusIcon: Record<SessionStatus, string> = {
  saved: '✓',
  'not-saved': '⚠',
  incomplete: '◐',
  unreadable: '✕',
  'not-scored': '–',
};

/** What every row is worded with: taken once by the table, not by each of thousands of rows. */
interface Wording {
  readonly t: TFunction<'dashboard'>;
  readonly f: Formatters;
  readonly language: string;
}

/** One row; memoised, so that moving the window (see use-row-window.ts) does not redraw rows still in it. */
const SessionRowView = memo(function SessionRowView({
  row,
  rowIndex,
  wording,
}: {
  readonly row: SessionRow;
  readonly rowIndex: number | undefined;
  readonly wording: Wording;
}) {
  const { t, f } = wording;
  return (
    <tr className={`row-${row.status}`} aria-rowindex={rowIndex}>
      <td>{f.date(row.date)}</td>
      <td>{row.instrument?.toUpperCase() ?? '—'}</td>
      <td>{row.session ?? '—'}</td>
      <td>{row.total === undefined ? '—' : f.score(row.total)}</td>
      <td className="items-cell">
        <RowDetail row={row} wording={wording} />
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

/** Stands in for the rows outside the window: the scroll box keeps the whole table's height. */
function SpacerRow({ heightPx }: { readonly heightPx: number }) {
  if (heightPx <= 0) return null;
  return (
    <tr className="row-spacer" aria-hidden="true">
      <td colSpan={6} style={{ height: heightPx }} />
    </tr>
  );
}

/** Every response in the record, newest first, with its scores and whether it is saved and scored. */
export function SessionTable({
  rows,
  episodes = [],
}: {
  readonly rows: readonly SessionRow[];
  readonly episodes?: readonly EpisodeView[];
}) {
  const { t, i18n } = useTranslation('dashboard');
  const f = useFormat();
  const wording = useMemo(() => ({ t, f, language: i18n.language }), [t, f, i18n.language]);
  const [showingAll, setShowingAll] = useState(false);
  // Paper gets every row: it has no "show all" and no scrolling.
  const printing = usePrinting();
  const all = printing || showingAll;
  const shown = useMemo(() => (all ? rows : rows.slice(0, FIRST_ROWS)), [all, rows]);
  const items = useMemo(() => tableItems(shown, episodes), [shown, episodes]);
  const windowed = showingAll && !printing && items.length > WINDOWED_FROM;
  const { start, end, beforePx, afterPx, onScroll, bodyRef } = useRowWindow(items.length, windowed);
  const scrollBox = useRef<HTMLDivElement>(null);
  // The button goes away when pressed: the keyboard continues in the rows it showed.
  const showAll = () => {
    setShowingAll(true);
    scrollBox.current?.focus();
  };
  // The header is row 1 of the whole table, drawn or not.
  const rowIndex = (i: number) => (windowed ? start + i + 2 : undefined);
  return (
    <section className="sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('table.heading')}</h2>
      {rows.length === 0 ? (
        <p>{t('table.empty')}</p>
      ) : (
        <div
          ref={scrollBox}
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('table.scrollArea')}
          onScroll={onScroll}
        >
          <table className="data-table session-table" aria-rowcount={windowed ? items.length + 1 : undefined}>
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr aria-rowindex={windowed ? 1 : undefined}>
                <th scope="col">{t('table.date')}</th>
                <th scope="col">{t('table.instrument')}</th>
                <th scope="col">{t('table.session')}</th>
                <th scope="col">{t('table.score')}</th>
                <th scope="col">{t('table.detail')}</th>
                <th scope="col">{t('table.status')}</th>
              </tr>
            </thead>
            <tbody ref={bodyRef}>
              <SpacerRow heightPx={beforePx} />
              {items
                .slice(start, end)
                .map((item, i) =>
                  item.kind === 'episode' ? (
                    <EpisodeMarker key={item.key} index={item.episode} episodes={episodes} rowIndex={rowIndex(i)} />
                  ) : (
                    <SessionRowView key={item.key} row={item.row} rowIndex={rowIndex(i)} wording={wording} />
                  ),
                )}
              <SpacerRow heightPx={afterPx} />
            </tbody>
          </table>
        </div>
      )}
      {shown.length < rows.length && (
        <button type="button" className="show-all" onClick={showAll}>
          {t('table.showAll', { shown: shown.length, count: rows.length })}
        </button>
      )}
    </section>
  );
}

/** What the total is made of: each item named with its answer; for the WAI-SR its subscale means, then its twelve answers. */
function RowDetail({ row, wording }: { readonly row: SessionRow; readonly wording: Wording }) {
  const { t, f, language } = wording;
  if (!row.items?.length) return <>—</>;
  if (!row.subscales) return <>{itemsText(row.items, language, f)}</>;
  const { subscales } = row;
  const means = (['task', 'bond', 'goal'] as const)
    .map((s) => `${subscaleLabel(s, language)} ${f.mean(subscales[s])}`)
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
function EpisodeMarker({
  index,
  episodes,
  rowIndex,
}: {
  readonly index: number;
  readonly episodes: readonly EpisodeView[];
  readonly rowIndex: number | undefined;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const episode = episodes.find((e) => e.index === index);
  return (
    <tr className="episode-marker" aria-rowindex={rowIndex}>
      <th colSpan={6} scope="colgroup">
        {t('episode.marker', { index, date: f.date(episode?.startDate) })}
      </th>
    </tr>
  );
}
