import type { ClientAssessment } from '../../core/assess';
import { calendarDate, compareDateTimes } from '../../core/dates';
import type { InstrumentId } from '../../core/instruments';
import type { RuleDecision, ScoringProblem } from '../../core/model';
import { describeProblem } from '../../core/scoring/describe';
import type { SeriesPoint } from '../../core/series/types';
import type { History } from '../../fhir/load';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import type { AlertView, DashboardModel, InventoryPoint, PatientView, ScorePoint, SessionRow, UnreadableView } from '../dashboard/view-model';
import type { LaunchContext } from './launch-context';
import type { LoadedRecord } from './record';

// The loaded record → what the clinician view shows. The core has decided everything; this only picks
// and arranges.

const scorePoint = (p: SeriesPoint): ScorePoint => ({ administrationId: p.administrationId, session: p.sessionNumber, date: p.date, total: p.total });

function subscaleMeans(p: SeriesPoint): { task: number; bond: number; goal: number } {
  const mean = (id: 'task' | 'bond' | 'goal') => p.subscales.find((s) => s.id === id)?.mean ?? Number.NaN;
  return { task: mean('task'), bond: mean('bond'), goal: mean('goal') };
}

function patientView(history: History): PatientView {
  const name = history.patient?.name?.find((n) => n.use === 'official') ?? history.patient?.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return { name: text || undefined, birthDate: history.patient?.birthDate, gender: history.patient?.gender };
}

function alertView(decision: RuleDecision, byId: ReadonlyMap<string, SeriesPoint>): AlertView {
  const evidence = decision.evidence.map((id) => {
    const point = byId.get(id);
    return { administrationId: id, date: point?.date, instrument: point?.instrument, session: point?.sessionNumber || undefined };
  });
  return { rule: decision.rule, severity: decision.severity, flag: decision.flag, evidence, facts: decision.facts };
}

function sessionRows(record: LoadedRecord, byId: ReadonlyMap<string, SeriesPoint>): SessionRow[] {
  const unscorable = new Map(record.assessment.unscorable.map((u) => [u.administrationId, u.problem]));
  const superseded = new Map(record.assessment.superseded.map((s) => [s.administrationId, s]));
  const rows = record.history.administrations.map(({ administration: a }): SessionRow & { authored: string } => {
    const point = byId.get(a.id);
    const problem = unscorable.get(a.id);
    const status = problem ? (isUnfinished(problem) ? 'incomplete' : 'not-scored') : superseded.has(a.id) ? 'not-scored' : 'saved';
    return {
      id: a.id, authored: a.authored, date: calendarDate(a.authored) || undefined, instrument: a.instrument,
      session: point?.sessionNumber || undefined, total: point?.total ?? superseded.get(a.id)?.total,
      subscales: point?.family === 'inventory' ? subscaleMeans(point) : undefined, status,
      note: problem ? describeProblem(problem) : superseded.has(a.id) ? 'A later response of the same day counts.' : undefined,
    };
  });
  rows.sort((x, y) => compareDateTimes(y.authored, x.authored));
  const all = [...rows.map(({ authored: _authored, ...row }) => row), ...record.history.unreadable.map(unreadableRow)];
  // Stable: responses keep their instant order within a day; unreadable ones slot in by their day.
  return all.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
}

/** Missing answers, or a response still in progress (an interrupted session): shown as incomplete. */
function isUnfinished(problem: ScoringProblem): boolean {
  return problem.kind === 'incomplete' || (problem.kind === 'not-scored-status' && problem.status === 'in-progress');
}

function unreadableRow(u: History['unreadable'][number], index: number): SessionRow {
  return {
    id: `unreadable-${u.resourceType}-${u.id ?? index}`, date: u.date, instrument: u.instrument, session: undefined, total: undefined,
    subscales: undefined, status: 'unreadable', note: u.reason,
  };
}

function unreadableViews(history: History): UnreadableView[] {
  const resources = history.unreadable.map((u) => ({ resourceType: u.resourceType, id: u.id, date: u.date, instrument: u.instrument?.toUpperCase(), reason: u.reason }));
  const refused = history.failures.map((f) => ({
    resourceType: f.resourceType, id: undefined, date: undefined, instrument: undefined, reason: [`HTTP ${f.status}`, ...f.messages].join(': '),
  }));
  return [...resources, ...refused];
}

const outcomeInstrument = (i: InstrumentId | undefined) => (i === 'ors' || i === 'cors' ? i : undefined);
const allianceInstrument = (i: InstrumentId | undefined) => (i === 'srs' || i === 'csrs' ? i : undefined);

export function toDashboardModel(record: LoadedRecord, launch: LaunchContext, config: SmartLaunchConfig): DashboardModel {
  const a: ClientAssessment = record.assessment;
  const all = [...a.series.outcome, ...a.series.alliance, ...a.series.inventory];
  const byId = new Map(all.map((p) => [p.administrationId, p]));
  const latestOutcome = a.outcome.points.at(-1)?.instrument;
  return {
    patient: patientView(record.history),
    ageBand: a.latestAgeBand,
    needPatientBanner: launch.needPatientBanner,
    licence: config.licence,
    outcome: {
      status: a.outcome.status, instrument: outcomeInstrument(latestOutcome), cutoff: a.outcome.cutoff,
      reliableChange: a.config.orsReliableChange, points: a.outcome.points.map(scorePoint),
      expected: a.outcome.expected.map((e) => ({ session: e.sessionNumber, value: e.expected })),
    },
    alliance: {
      status: a.alliance.status, instrument: allianceInstrument(a.alliance.points.at(-1)?.instrument),
      cutoff: a.alliance.cutoff, points: a.alliance.points.map(scorePoint),
    },
    inventory: a.inventory.points.map((p): InventoryPoint => ({ administrationId: p.administrationId, date: p.date, ...subscaleMeans(p) })),
    alerts: a.decisions.map((d) => alertView(d, byId)),
    sessions: sessionRows(record, byId),
    unreadable: unreadableViews(record.history),
  };
}

