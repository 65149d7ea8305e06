import type { ClientAssessment } from '../../core/assess';
import type { SeriesPoint } from '../../core/series/types';
import { visitsByDay } from '../../core/series/visits';
import { isAllowed, serverSupports } from '../../fhir/capabilities';
import type { History } from '../../fhir/load';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import type { DashboardModel, ExpectedPoint, InventoryPoint, PatientView, ScorePoint } from '../dashboard/view-model';
import { allianceReasons } from './alliance-reasons';
import { allianceInstrument, episodeViews, outcomeInstrument } from './episode-views';
import { type ChartFlags, concernViews } from './concerns';
import type { LaunchContext } from './launch-context';
import type { LoadedRecord } from './record';
import { unreadableViews } from './unreadable-views';
import { itemScores, type SessionOf, sessionRows, subscaleMeans } from './session-rows';

// The loaded record → what the clinician view shows. The core has decided everything; this only picks
// and arranges.

const scorePointOf =
  (unsaved: ReadonlySet<string>, sessionOf: SessionOf) =>
  (p: SeriesPoint): ScorePoint => ({
    administrationId: p.administrationId,
    session: sessionOf(p)?.number ?? p.sessionNumber,
    date: p.date,
    total: p.total,
    items: itemScores(p),
    ...(unsaved.has(p.administrationId) ? { unsaved: true } : {}),
  });

function onePerPoint<V>(view: (p: SeriesPoint) => V): (p: SeriesPoint) => V {
  const made = new Map<SeriesPoint, V>();
  return (p) => {
    if (!made.has(p)) made.set(p, view(p));
    return made.get(p)!;
  };
}

function builtOnce<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

function patientView(history: History): PatientView {
  const name = history.patient?.name?.find((n) => n.use === 'official') ?? history.patient?.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return { name: text || undefined, birthDate: history.patient?.birthDate, gender: history.patient?.gender };
}

/**
 * The trajectory model counts outcome responses; the charts count visits. Each expected value moves to the visit
 * of the outcome response it is for; beyond the latest one, one visit per further outcome session.
 */
function expectedByVisit(
  outcome: readonly SeriesPoint[],
  expected: ClientAssessment['outcome']['expected'],
  sessionOf: SessionOf,
): ExpectedPoint[] {
  const visitOfOrdinal = new Map(outcome.map((p) => [p.sessionNumber, sessionOf(p)?.number ?? p.sessionNumber]));
  const last = outcome.at(-1);
  const lastVisit = last ? (sessionOf(last)?.number ?? last.sessionNumber) : 0;
  return expected.map((e) => ({
    session: visitOfOrdinal.get(e.sessionNumber) ?? lastVisit + e.sessionNumber - (last?.sessionNumber ?? 0),
    value: e.expected,
    ...(e.lowerBound === undefined ? {} : { lower: e.lowerBound }),
  }));
}

function chartFlags(record: LoadedRecord): ChartFlags {
  const caps = record.capabilities;
  const write = !serverSupports(caps, 'Flag', 'create')
    ? 'not-supported'
    : isAllowed(caps, 'Flag', 'create')
      ? 'allowed'
      : 'not-permitted';
  const refused = record.history.failures.find((f) => f.resourceType === 'Flag');
  return {
    rulesInRecord: new Set(record.history.flags.map((f) => f.active.rule)),
    readRefused: refused?.status,
    write,
  };
}

export function toDashboardModel(
  record: LoadedRecord,
  launch: LaunchContext,
  config: SmartLaunchConfig,
): DashboardModel {
  const a: ClientAssessment = record.assessment;
  const all = [...a.series.outcome, ...a.series.alliance, ...a.series.inventory];
  const byId = new Map(all.map((p) => [p.administrationId, p]));
  const latestOutcome = a.outcome.points.at(-1)?.instrument;
  const unsaved = new Set((record.unsaved ?? []).map((u) => u.administration.id));
  const visits = visitsByDay(all);
  const sessionOf: SessionOf = (p) => visits.get(p.date);
  // The current episode's points appear twice (its status and charts, and its place among the episodes): one view each.
  const scorePoint = onePerPoint(scorePointOf(unsaved, sessionOf));
  const inventoryPoint = onePerPoint((p: SeriesPoint): InventoryPoint => ({
    administrationId: p.administrationId,
    date: p.date,
    ...subscaleMeans(p),
    items: itemScores(p),
    ...(unsaved.has(p.administrationId) ? { unsaved: true } : {}),
  }));
  return {
    patient: patientView(record.history),
    ageBand: a.latestAgeBand,
    needPatientBanner: launch.needPatientBanner,
    clinicianName: launch.clinicianName,
    licence: config.licence,
    outcome: {
      status: a.outcome.status,
      instrument: outcomeInstrument(latestOutcome),
      cutoff: a.outcome.cutoff,
      reliableChange: a.config.orsReliableChange,
      points: a.outcome.points.map(scorePoint),
      expected: expectedByVisit(a.outcome.points, a.outcome.expected, sessionOf),
      band: a.outcome.trajectoryStatus,
      notScored: a.notScored,
      trajectoryModel: { id: a.trajectoryModel.id, label: a.trajectoryModel.label },
    },
    alliance: {
      status: a.alliance.status,
      instrument: allianceInstrument(a.alliance.points.at(-1)?.instrument),
      cutoff: a.alliance.cutoff,
      points: a.alliance.points.map(scorePoint),
      reasons: allianceReasons(a.decisions),
      ruptures: a.alliance.ruptures.map((r) => ({
        measure: r.measure,
        session: r.startSession,
        date: r.startDate,
        repaired: r.repaired,
        notes: r.notes.map((n) => ({ kind: n.kind, addressed: n.addressed })),
      })),
    },
    inventory: a.inventory.points.map(inventoryPoint),
    alerts: concernViews(a.decisions, byId, chartFlags(record), sessionOf),
    sessions: builtOnce(() => sessionRows(record, byId, sessionOf)),
    episodes: episodeViews(a, scorePoint, inventoryPoint),
    unreadable: unreadableViews(record.history),
    refused: record.history.failures.map((f) => ({ resourceType: f.resourceType, status: f.status })),
  };
}
