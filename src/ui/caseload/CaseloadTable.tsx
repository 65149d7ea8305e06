import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { CaseloadEntry, LoadedCaseload } from './load-caseload';
import { NEED_SORT, nextSort, sortEntries, type Sort, type SortKey } from './sorting';

// The caseload as a real table: a caption saying what is shown and in which order, sortable columns as
// buttons in their headers (aria-sort on the sorted one), each client's name a button that opens them.

interface Props {
  readonly loaded: LoadedCaseload;
  readonly onOpen: (entry: CaseloadEntry) => void;
  /** The client whose view was just closed: focus returns to their row. */
  readonly focusPatient?: string | undefined;
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort: (k: SortKey) => void;
}) {
  const { t } = useTranslation('caseload');
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(sortKey)}
        title={t('sortBy', { column: label })}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function useNextVisit(): (entry: CaseloadEntry, today: string) => string {
  const { t } = useTranslation('caseload');
  const f = useFormat();
  return (entry, today) => {
    if (!entry.nextVisit) return t('none');
    const time = entry.nextVisit.slice(11, 16);
    return entry.nextVisit.slice(0, 10) === today ? t('today', { time }) : `${f.date(entry.nextVisit)} ${time}`;
  };
}

function Row({
  entry,
  today,
  onOpen,
  focus,
}: {
  entry: CaseloadEntry;
  today: string;
  onOpen: Props['onOpen'];
  focus: boolean;
}) {
  const { t } = useTranslation(['caseload', 'dashboard']);
  const nextVisit = useNextVisit();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  const { row } = entry;
  const name = entry.name ?? t('unnamed');
  return (
    <tr data-need={row.need} data-patient={row.patientId}>
      <th scope="row">
        <button
          ref={button}
          type="button"
          className="link-button"
          onClick={() => onOpen(entry)}
          aria-label={t('open', { name })}
        >
          {name}
        </button>
        {entry.unsaved ? <span className="not-saved"> {t('notSaved', { count: entry.unsaved })}</span> : null}
      </th>
      <td>{row.ageBand ? t(`dashboard:banner.ageBand.${row.ageBand}`) : t('none')}</td>
      <td>{nextVisit(entry, today)}</td>
      <td className={`status status-${row.outcomeStatus}`}>
        {t(`dashboard:status.outcomeStatus.${row.outcomeStatus}`)}
      </td>
      <td className={`status status-${row.allianceStatus}`}>
        {t(`dashboard:status.allianceStatus.${row.allianceStatus}`)}
      </td>
      <td>
        {row.alert ? (
          <>
            <span className={`severity severity-${row.alert.severity}`}>
              {t(`dashboard:alerts.severity.${row.alert.severity}`)}
            </span>
            : {t(`dashboard:alerts.rule.${row.alert.rule}.title`)}
          </>
        ) : (
          t('none')
        )}
      </td>
      <td>{row.due.length > 0 ? row.due.map((i) => i.toUpperCase()).join(', ') : t('nothingDue')}</td>
      <td>{row.daysSinceLastMeasure === undefined ? t('none') : t('days', { count: row.daysSinceLastMeasure })}</td>
    </tr>
  );
}

export function CaseloadTable({ loaded, onOpen, focusPatient }: Props) {
  const { t } = useTranslation('caseload');
  const [sort, setSort] = useState<Sort>(NEED_SORT);
  const [offTrack, setOffTrack] = useState(false);
  const [dueToday, setDueToday] = useState(false);
  const rows = useMemo(
    () =>
      sortEntries(
        loaded.entries.filter((e) => (!offTrack || e.row.offTrack) && (!dueToday || e.row.dueToday)),
        sort,
      ),
    [loaded.entries, sort, offTrack, dueToday],
  );
  const columns = ['name', 'ageBand', 'next', 'outcome', 'alliance', 'alert', 'due', 'since'] as const;
  const sortable: Partial<Record<(typeof columns)[number], SortKey>> = {
    name: 'name',
    next: 'next',
    alert: 'need',
    since: 'since',
  };
  const sortLabel =
    sort.key === 'need'
      ? t('captionNeed')
      : t(`col.${sort.key === 'name' ? 'name' : sort.key === 'next' ? 'next' : 'since'}`);
  const all = loaded.entries;
  return (
    <section className="caseload" aria-labelledby="caseload-heading">
      <h1 id="caseload-heading">{t('heading')}</h1>
      <p>
        {t('summary', {
          total: all.length,
          alerts: all.filter((e) => e.row.need === 'alert').length,
          dueToday: all.filter((e) => e.row.dueToday).length,
        })}
      </p>
      {loaded.problems.length > 0 && (
        <div role="alert">
          <p>{t('problems')}</p>
          <ul>
            {loaded.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="caseload-filters">
        <legend>{t('filters')}</legend>
        <label>
          <input type="checkbox" checked={offTrack} onChange={(e) => setOffTrack(e.target.checked)} />{' '}
          {t('onlyOffTrack')}
        </label>
        <label>
          <input type="checkbox" checked={dueToday} onChange={(e) => setDueToday(e.target.checked)} />{' '}
          {t('onlyDueToday')}
        </label>
      </fieldset>
      {all.length === 0 ? (
        <p>{t('noClients')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="caseload-caption" tabIndex={0}>
          <table className="caseload-table">
            <caption id="caseload-caption">{t('caption', { count: rows.length, sort: sortLabel })}</caption>
            <thead>
              <tr>
                {columns.map((c) => {
                  const key = sortable[c];
                  return key ? (
                    <SortHeader
                      key={c}
                      label={t(`col.${c}`)}
                      sortKey={key}
                      sort={sort}
                      onSort={(k) => setSort((s) => nextSort(s, k))}
                    />
                  ) : (
                    <th key={c} scope="col">
                      {t(`col.${c}`)}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <Row
                  key={e.row.patientId}
                  entry={e}
                  today={loaded.today}
                  onOpen={onOpen}
                  focus={e.row.patientId === focusPatient}
                />
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p>{t('empty')}</p>}
        </div>
      )}
    </section>
  );
}
