import type { AllianceStatus, ClientAssessment, OutcomeStatus } from '../assessment/types';
import { ageBandAt, daysBetween } from '../dates';
import { dueInstruments, type Offer } from '../due';
import type { AgeBand, InstrumentId } from '../instruments/types';
import type { RuleCode, Severity } from '../model';

// One caseload row from the same assessment the single-client view shows (assessClient): nothing here decides
// a status, it only picks what a list needs and ranks clients by need — alerts first, then whoever is booked
// today with a measure due, then the rest.

export interface CaseloadRowInput {
  readonly patientId: string;
  readonly assessment: ClientAssessment;
  readonly birthDate?: string;
  /** The client's next booked session, local date YYYY-MM-DD; the due measures are worked out for that day. */
  readonly nextAppointment?: string;
  /** Local date YYYY-MM-DD. */
  readonly today: string;
}

export type NeedRank = 'alert' | 'due' | 'rest';

export interface CaseloadAlert {
  readonly rule: RuleCode;
  readonly severity: Severity;
  /** The date of the latest response the alert rests on. */
  readonly date?: string;
}

export interface CaseloadRow {
  readonly patientId: string;
  readonly ageBand?: AgeBand;
  readonly outcomeStatus: OutcomeStatus;
  readonly allianceStatus: AllianceStatus;
  /** The newest alert (latest evidence), the most severe among equally new ones. */
  readonly alert?: CaseloadAlert;
  readonly alertCount: number;
  /** Measures to give at the next session, in session order. */
  readonly due: readonly InstrumentId[];
  readonly daysSinceLastMeasure?: number;
  readonly need: NeedRank;
  /** Outcome not on track or deteriorating (the core's status). */
  readonly offTrack: boolean;
  /** Booked today with something due. */
  readonly dueToday: boolean;
}

export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low', 'info'];
const OFF_TRACK: ReadonlySet<OutcomeStatus> = new Set(['not-on-track', 'deteriorating']);

function newestAlert(assessment: ClientAssessment): { alert?: CaseloadAlert; count: number } {
  const dates = new Map(
    [...assessment.series.outcome, ...assessment.series.alliance, ...assessment.series.inventory].map((p) => [
      p.administrationId,
      p.date,
    ]),
  );
  // Information (a recovery) is good news, not something to attend to.
  const alerts = assessment.decisions
    .filter((d) => d.severity !== 'info')
    .map((d): CaseloadAlert => {
      const date = d.evidence
        .map((id) => dates.get(id))
        .filter((x): x is string => x !== undefined)
        .sort()
        .at(-1);
      return { rule: d.rule, severity: d.severity, ...(date ? { date } : {}) };
    });
  alerts.sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  return { ...(alerts[0] ? { alert: alerts[0] } : {}), count: alerts.length };
}

const offered = (offer: Offer): InstrumentId[] => (offer.offer ? [offer.instrument] : []);

function lastMeasureDate(assessment: ClientAssessment): string | undefined {
  const { outcome, alliance, inventory } = assessment.series;
  return [outcome.at(-1)?.date, alliance.at(-1)?.date, inventory.at(-1)?.date]
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
}

export function caseloadRow(input: CaseloadRowInput): CaseloadRow {
  const { assessment, today } = input;
  const sessionDay = input.nextAppointment && input.nextAppointment > today ? input.nextAppointment : today;
  const ageBand = input.birthDate ? ageBandAt(input.birthDate, sessionDay) : undefined;
  const dueAt = dueInstruments({ assessment, ageBand, today: sessionDay });
  const due = [...offered(dueAt.sessionStart), ...offered(dueAt.inventory), ...offered(dueAt.sessionEnd)];
  const { alert, count } = newestAlert(assessment);
  const last = lastMeasureDate(assessment);
  // Everyone booked has the ORS due; what ranks is a measure due in a session today.
  const dueToday = input.nextAppointment === today && due.length > 0;
  return {
    patientId: input.patientId,
    ...(ageBand ? { ageBand } : {}),
    outcomeStatus: assessment.outcome.status,
    allianceStatus: assessment.alliance.status,
    ...(alert ? { alert } : {}),
    alertCount: count,
    due,
    ...(last ? { daysSinceLastMeasure: daysBetween(last, today) } : {}),
    need: alert ? 'alert' : dueToday ? 'due' : 'rest',
    offTrack: OFF_TRACK.has(assessment.outcome.status),
    dueToday,
  };
}

const NEED_ORDER: readonly NeedRank[] = ['alert', 'due', 'rest'];
const severityIndex = (row: CaseloadRow): number =>
  row.alert ? SEVERITY_ORDER.indexOf(row.alert.severity) : SEVERITY_ORDER.length;

/** By need: alerts (most severe first), then due today, then the rest; within a rank, longest without a measure first. */
export function compareByNeed(a: CaseloadRow, b: CaseloadRow): number {
  return (
    NEED_ORDER.indexOf(a.need) - NEED_ORDER.indexOf(b.need) ||
    severityIndex(a) - severityIndex(b) ||
    (b.daysSinceLastMeasure ?? -1) - (a.daysSinceLastMeasure ?? -1) ||
    a.patientId.localeCompare(b.patientId)
  );
}
