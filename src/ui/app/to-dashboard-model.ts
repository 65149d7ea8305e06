import type { ClientAssessment } from '../../core/assess';
import type { InstrumentId } from '../../core/instruments';
import type { RuleDecision } from '../../core/model';
import type { SeriesPoint } from '../../core/series/types';
import type { History } from '../../fhir/load';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import type { AlertView, DashboardModel, InventoryPoint, PatientView, ScorePoint, UnreadableView } from '../dashboard/view-model';
import { allianceReasons } from './alliance-reasons';
import type { LaunchContext } from './launch-context';
import type { LoadedRecord } from './record';
import { sessionRows, subscaleMeans } from './session-rows';

// The loaded record → what the clinician view shows. The core has decided everything; this only picks
// and arranges.

const scorePointOf = (unsaved: ReadonlySet<string>) => (p: SeriesPoint): ScorePoint => ({
  administrationId: p.administrationId, session: p.sessionNumber, date: p.date, total: p.total, ...(unsaved.has(p.administrationId) ? { unsaved: true } : {}),
});

function patientView(history: History): PatientView {
  const name = history.patient?.name?.find((n) => n.use === 'official') ?? history.patient?.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return { name: text || undefined, birthDate: history.patient?.birthDate, gender: history.patient?.gender };
}

function alertView(decision: RuleDecision, byId: ReadonlyMap<string, SeriesPoint>, rulesInRecord: ReadonlySet<string>): AlertView {
  const evidence = decision.evidence.map((id) => {
    const point = byId.get(id);
    return { administrationId: id, date: point?.date, instrument: point?.instrument, session: point?.sessionNumber || undefined };
  });
  return { rule: decision.rule, severity: decision.severity, flag: decision.flag, inRecord: rulesInRecord.has(decision.rule), evidence, facts: decision.facts };
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
  const rulesInRecord = new Set(record.history.flags.map((f) => f.active.rule));
  const latestOutcome = a.outcome.points.at(-1)?.instrument;
  const unsaved = new Set((record.unsaved ?? []).map((u) => u.administration.id));
  const scorePoint = scorePointOf(unsaved);
  return {
    patient: patientView(record.history),
    ageBand: a.latestAgeBand,
    needPatientBanner: launch.needPatientBanner,
    licence: config.licence,
    outcome: {
      status: a.outcome.status, instrument: outcomeInstrument(latestOutcome), cutoff: a.outcome.cutoff,
      reliableChange: a.config.orsReliableChange, points: a.outcome.points.map(scorePoint),
      expected: a.outcome.expected.map((e) => ({ session: e.sessionNumber, value: e.expected, ...(e.lowerBound === undefined ? {} : { lower: e.lowerBound }) })),
      band: a.outcome.trajectoryStatus, notScored: a.notScored,
    },
    alliance: {
      status: a.alliance.status, instrument: allianceInstrument(a.alliance.points.at(-1)?.instrument),
      cutoff: a.alliance.cutoff, points: a.alliance.points.map(scorePoint), reasons: allianceReasons(a.decisions),
      ruptures: a.alliance.ruptures.map((r) => ({
        measure: r.measure, session: r.startSession, date: r.startDate, repaired: r.repaired,
        notes: r.notes.map((n) => ({ kind: n.kind, addressed: n.addressed })),
      })),
    },
    inventory: a.inventory.points.map((p): InventoryPoint => ({
      administrationId: p.administrationId, date: p.date, ...subscaleMeans(p), ...(unsaved.has(p.administrationId) ? { unsaved: true } : {}),
    })),
    alerts: a.decisions.map((d) => alertView(d, byId, rulesInRecord)),
    sessions: sessionRows(record, byId),
    unreadable: unreadableViews(record.history),
  };
}

