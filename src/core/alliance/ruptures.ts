import type { ScoringConfig } from '../config';
import { calendarDate } from '../dates';
import type { RuptureNote, SubscaleScore } from '../model';
import { tenths } from '../series/change';
import type { SeriesPoint } from '../series/types';

// Rupture episodes and their repair (README, "Ruptures and repair"; a design on published ground: repaired
// ruptures go with better outcomes and unresolved ones with dropout — Safran, Muran & Eubanks-Carter 2011;
// Eubanks, Muran & Safran 2018 meta-analysis, r ≈ .29 between repair and outcome).
// - The client's own level before a rating is the median of their last three ratings (fewer at the start).
// - A rupture starts when a rating falls reliably below that level (SRS/CSRS: `srsRuptureDrop` points;
//   a WAI-SR subscale mean: `waiReliableDrop`), or, for the SRS/CSRS, when it falls below the cutoff after
//   ratings that were all at or above it.
// - It is repaired when a later rating is back at the level within `ruptureRepairWindow` later ratings:
//   `repaired` is null while the window is open, then true or false. Detection resumes after the repair
//   (or after a late return to the level), so one dip is one rupture.

export type RuptureMeasure = 'session-rating' | 'wai-sr-task' | 'wai-sr-bond' | 'wai-sr-goal';

export interface Rupture {
  readonly measure: RuptureMeasure;
  readonly trigger: 'reliable-drop' | 'below-cutoff';
  readonly startId: string;
  readonly startDate: string;
  readonly startSession: number;
  /** The client's own level before the drop and the rating that dropped, in the measure's units (SRS points, subscale mean). */
  readonly level: number;
  readonly value: number;
  readonly repaired: boolean | null;
  readonly repairId?: string;
  readonly repairDate?: string;
  /** An unresolved rupture whose rating came back to the level after the window. */
  readonly laterReturnId?: string;
  /** Ratings the decision rests on, oldest first: the level's ratings, the drop, the repair. */
  readonly evidence: readonly string[];
  /** What the clinician recorded about it (kind, whether it was addressed). */
  readonly notes: readonly RuptureNote[];
}

interface MeasureRules {
  readonly measure: RuptureMeasure;
  /** A rating in the measure's smallest unit: SRS tenths, WAI-SR subscale sum points (mean × 4). */
  readonly value: (point: SeriesPoint) => number;
  readonly drop: number;
  readonly cutoff?: number;
  /** From the smallest unit to the reported unit. */
  readonly scale: number;
}

const median3 = (a: number, b: number, c: number): number => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

// The series is read through `rules.value` rather than mapped to new objects: this runs for every alliance
// response of a population, so it allocates only for the ruptures it finds.
type Series = readonly SeriesPoint[];

function levelBefore(series: Series, i: number, { value }: MeasureRules): number {
  const a = value(series[i - 1]!);
  if (i === 1) return a;
  const b = value(series[i - 2]!);
  return i === 2 ? (a + b) / 2 : median3(a, b, value(series[i - 3]!));
}

function triggerAt(series: Series, i: number, level: number, rules: MeasureRules): Rupture['trigger'] | undefined {
  const value = rules.value(series[i]!);
  if (level - value >= rules.drop) return 'reliable-drop';
  if (rules.cutoff === undefined || value >= rules.cutoff) return undefined;
  for (let j = Math.max(0, i - 3); j < i; j++) if (rules.value(series[j]!) < rules.cutoff) return undefined;
  return 'below-cutoff';
}

function firstReturn(
  series: Series,
  from: number,
  until: number,
  level: number,
  { value }: MeasureRules,
): number | undefined {
  for (let j = from; j < until; j++) if (value(series[j]!) >= level) return j;
  return undefined;
}

function ruptureAt(
  series: Series,
  i: number,
  level: number,
  trigger: Rupture['trigger'],
  rules: MeasureRules,
  window: number,
): { rupture: Rupture; resumeAt: number } {
  const start = series[i]!;
  const windowEnd = Math.min(series.length, i + 1 + window);
  const repairIndex = firstReturn(series, i + 1, windowEnd, level, rules);
  const closed = repairIndex !== undefined || i + window < series.length;
  const lateIndex =
    repairIndex === undefined && closed ? firstReturn(series, windowEnd, series.length, level, rules) : undefined;
  const evidence: string[] = [];
  for (let j = Math.max(0, i - 3); j <= i; j++) evidence.push(series[j]!.administrationId);
  const rupture: { -readonly [K in keyof Rupture]: Rupture[K] } = {
    measure: rules.measure,
    trigger,
    startId: start.administrationId,
    startDate: start.date,
    startSession: start.sessionNumber,
    level: level / rules.scale,
    value: rules.value(start) / rules.scale,
    repaired: repairIndex !== undefined ? true : closed ? false : null,
    evidence,
    notes: [],
  };
  if (repairIndex !== undefined) {
    const repair = series[repairIndex]!;
    rupture.repairId = repair.administrationId;
    rupture.repairDate = repair.date;
    evidence.push(repair.administrationId);
  }
  if (lateIndex !== undefined) rupture.laterReturnId = series[lateIndex]!.administrationId;
  return { rupture, resumeAt: (repairIndex ?? lateIndex ?? series.length) + 1 };
}

function detect(series: Series, rules: MeasureRules, window: number, out: Rupture[]): void {
  let i = 1;
  while (i < series.length) {
    const level = levelBefore(series, i, rules);
    const trigger = triggerAt(series, i, level, rules);
    if (!trigger) {
      i++;
      continue;
    }
    const { rupture, resumeAt } = ruptureAt(series, i, level, trigger, rules, window);
    out.push(rupture);
    i = resumeAt;
  }
}

function subscaleSum(subscales: readonly SubscaleScore[], id: SubscaleScore['id']): number {
  for (const s of subscales) if (s.id === id) return s.sum;
  return 0;
}

const subscaleIds = ['task', 'bond', 'goal'] as const;
const totalTenths = (p: SeriesPoint): number => p.totalTenths;
const subscaleValue: Readonly<Record<SubscaleScore['id'], (p: SeriesPoint) => number>> = {
  task: (p) => subscaleSum(p.subscales, 'task'),
  bond: (p) => subscaleSum(p.subscales, 'bond'),
  goal: (p) => subscaleSum(p.subscales, 'goal'),
};

/** Notes dated from the rupture's first day to its repair (or onwards while it is not repaired). */
function notesFor(rupture: Rupture, notes: readonly RuptureNote[]): RuptureNote[] {
  return notes.filter((n) => {
    const day = calendarDate(n.date);
    return day >= rupture.startDate && (rupture.repairDate === undefined || day <= rupture.repairDate);
  });
}

/** Rupture episodes of the current episode's SRS/CSRS and WAI-SR subscale series, oldest first per measure. */
export function findRuptures(
  alliance: readonly SeriesPoint[],
  inventory: readonly SeriesPoint[],
  config: ScoringConfig,
  notes: readonly RuptureNote[] = [],
): Rupture[] {
  const found: Rupture[] = [];
  const window = config.ruptureRepairWindow;
  detect(
    alliance,
    {
      measure: 'session-rating',
      value: totalTenths,
      drop: tenths(config.srsRuptureDrop),
      cutoff: tenths(config.srsCutoff),
      scale: 10,
    },
    window,
    found,
  );
  for (const id of subscaleIds) {
    detect(
      inventory,
      { measure: `wai-sr-${id}`, value: subscaleValue[id], drop: Math.round(config.waiReliableDrop[id] * 4), scale: 4 },
      window,
      found,
    );
  }
  return notes.length === 0 ? found : found.map((r) => ({ ...r, notes: notesFor(r, notes) }));
}
