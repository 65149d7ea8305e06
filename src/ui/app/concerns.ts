import type { RuleCode, RuleDecision, Severity } from '../../core/model';
import type { SeriesPoint } from '../../core/series/types';
import type { SessionOf } from './session-rows';
import type { Concern, ConcernView, ItemScore, ReasonView, Recording } from '../dashboard/view-model';

// The core's rule decisions → one alert per clinical concern. One event (a low SRS) can make several rules
// hold; the clinician should meet it once, with every reason inside. The grouping works off the rule codes
// and their priorities alone, so a new rule set (new codes, new severities) plugs in without changes here.

const severityRank: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2, info: 3 };
const concernOrder: readonly Concern[] = ['outcome', 'rupture', 'alliance'];

/** `…rupture…` is a rupture; `outcome-…` an outcome; every other rule is about the alliance. */
export function concernOf(rule: RuleCode): Concern {
  if (rule.includes('rupture')) return 'rupture';
  return rule.startsWith('outcome') ? 'outcome' : 'alliance';
}

/** What the app knows about the chart's Flags: which rules it holds, and whether they could be read or written. */
export interface ChartFlags {
  readonly rulesInRecord: ReadonlySet<string>;
  /** The HTTP status of a refused Flag read; undefined when the Flags were read. */
  readonly readRefused: number | undefined;
  readonly write: 'allowed' | 'not-permitted' | 'not-supported';
}

function recordingOf(decisions: readonly RuleDecision[], chart: ChartFlags): Recording {
  const kept = decisions.filter((d) => d.flag);
  if (kept.length === 0) return { kind: 'app-only' };
  if (chart.readRefused !== undefined) return { kind: 'unknown', status: chart.readRefused };
  if (kept.every((d) => chart.rulesInRecord.has(d.rule))) return { kind: 'recorded' };
  return chart.write === 'allowed' ? { kind: 'on-save' } : { kind: 'not-recordable', why: chart.write };
}

const listOf = (fact: number | string | undefined): string[] =>
  typeof fact === 'string'
    ? fact
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** The items a decision names, with their answers in the latest response it rests on. */
function namedItems(decision: RuleDecision, byId: ReadonlyMap<string, SeriesPoint>): ItemScore[] | undefined {
  const codes = listOf(decision.facts['items']);
  const latest = byId.get(decision.evidence.at(-1) ?? '');
  if (codes.length === 0 || !latest) return undefined;
  return latest.items.filter((i) => codes.includes(i.code)).map((i) => ({ code: i.code, value: i.value }));
}

function reasonOf(decision: RuleDecision, byId: ReadonlyMap<string, SeriesPoint>, sessionOf: SessionOf): ReasonView {
  const evidence = decision.evidence.map((id) => {
    const point = byId.get(id);
    return {
      administrationId: id,
      date: point?.date,
      instrument: point?.instrument,
      session: point ? sessionOf(point)?.number : undefined,
    };
  });
  const items = namedItems(decision, byId);
  return {
    rule: decision.rule,
    severity: decision.severity,
    evidence,
    facts: decision.facts,
    ...(items ? { items } : {}),
  };
}

/** One alert per concern, highest priority first; inside each, its reasons highest priority first. */
export function concernViews(
  decisions: readonly RuleDecision[],
  byId: ReadonlyMap<string, SeriesPoint>,
  chart: ChartFlags,
  sessionOf: SessionOf,
): ConcernView[] {
  const groups = new Map<Concern, RuleDecision[]>();
  for (const d of decisions) groups.set(concernOf(d.rule), [...(groups.get(concernOf(d.rule)) ?? []), d]);
  const views = [...groups].map(([concern, group]): ConcernView => {
    const sorted = [...group].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
    return {
      concern,
      severity: sorted[0]?.severity ?? 'info',
      reasons: sorted.map((d) => reasonOf(d, byId, sessionOf)),
      recording: recordingOf(sorted, chart),
    };
  });
  return views.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      concernOrder.indexOf(a.concern) - concernOrder.indexOf(b.concern),
  );
}
