import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { RowNoteView } from './RowNote';
import { usePrinting } from './use-printing';
import { useProgressiveRows } from './use-progressive-rows';
import type { SessionRow, SessionStatus } from './view-model';

/** Rows shown before "show all": a long history stays quick to draw and to scan. */
export const FIRST_ROWS = 60;

const statusIcon: Record<SessionStatus, string> = { saved: '✓', 'not-saved': '⚠', incomplete: '◐', unreadable: '✕', 'not-scored': '–' };

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
      <td>{row.subscales ? [row.subscales.task, row.subscales.bond, row.subscales.goal].map(f.mean).join(' / ') : '—'}</td>
      <td>
        <span aria-hidden="true">{statusIcon[row.status]} </span>
        <span>{t(`table.statusLabel.${row.status}`)}</span>
        {row.note && <RowNoteView note={row.note} />}
      </td>
    </tr>
  );
});

/** Every response in the record, newest first, with its scores and whether it is saved and scored. */
export function SessionTable({ rows }: { readonly rows: readonly SessionRow[] }) {
  const { t } = useTranslation('dashboard');
  const progressive = useProgressiveRows(rows.length, FIRST_ROWS);
  // Paper gets every row: it has no "show all".
  const printing = usePrinting();
  const shown = printing ? rows : rows.slice(0, progressive.count);
  return (
    <section className="sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('table.heading')}</h2>
      {rows.length === 0 ? <p>{t('table.empty')}</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('table.scrollArea')}>
          <table className="data-table session-table" aria-busy={progressive.growing || undefined}>
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.date')}</th>
                <th scope="col">{t('table.instrument')}</th>
                <th scope="col">{t('table.session')}</th>
                <th scope="col">{t('table.score')}</th>
                <th scope="col">{t('table.subscales')}</th>
                <th scope="col">{t('table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => <SessionRowView key={row.id} row={row} />)}
            </tbody>
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
