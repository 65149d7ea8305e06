import { useTranslation } from 'react-i18next';

// How many recent visits the charts show. A long history (200 weekly sessions) drawn whole is a smear of
// beads; the latest few months read at a glance, and "all" is one press away (the tables list everything).

export type ChartRange = number | 'all';
const WINDOWS = [12, 26, 52] as const;

/** Short histories whole; longer ones their latest 26 visits (about six months of weekly sessions). */
export function defaultRange(lastVisit: number): ChartRange {
  return lastVisit > 26 ? 26 : 'all';
}

export function firstVisitShown(range: ChartRange, lastVisit: number): number {
  return range === 'all' ? 1 : Math.max(1, lastVisit - range + 1);
}

export function RangeControl({
  lastVisit,
  range,
  onChange,
}: {
  readonly lastVisit: number;
  readonly range: ChartRange;
  readonly onChange: (range: ChartRange) => void;
}) {
  const { t } = useTranslation('dashboard');
  const windows = WINDOWS.filter((w) => w < lastVisit);
  if (windows.length === 0) return null;
  return (
    <div role="group" aria-label={t('range.label')} className="range-control">
      {windows.map((w) => (
        <button key={w} type="button" className="range-button" aria-pressed={range === w} onClick={() => onChange(w)}>
          {t('range.last', { count: w })}
        </button>
      ))}
      <button type="button" className="range-button" aria-pressed={range === 'all'} onClick={() => onChange('all')}>
        {t('range.all', { count: lastVisit })}
      </button>
    </div>
  );
}
