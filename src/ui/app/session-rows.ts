import { calendarDate, newestFirst } from '../../core/dates';
import type { ScoringProblem, ScoringWarning } from '../../core/model';
import type { SeriesPoint } from '../../core/series/types';
import { isResumable, type History, type LoadedAdministration } from '../../fhir/load';
import type { ItemScore, RowNote, SessionRow, SessionStatus } from '../dashboard/view-model';
import type { LoadedRecord } from './record';
import type { UnsavedAdministration } from './unsaved';

// The session table: every response in the record and every one kept in this tab, newest first, with
// what became of it. The words are chosen by the view (both languages); this only says which.

/** The visit number of a day (a day of contact in its episode, whatever the instrument); undefined for no visit. */
export type SessionOf = (p: {
  readonly date: string;
}) => { readonly episode: number; readonly number: number } | undefined;

export function subscaleMeans(p: SeriesPoint): { task: number; bond: number; goal: number } {
  const mean = (id: 'task' | 'bond' | 'goal') => p.subscales.find((s) => s.id === id)?.mean ?? Number.NaN;
  return { task: mean('task'), bond: mean('bond'), goal: mean('goal') };
}

/**
 * The answers as the view shows them: code and points (or option value), in form order. The core's own item
 * scores, shared and never changed, serve as they are: no copy for each point of a long history.
 */
export function itemScores(p: SeriesPoint): readonly ItemScore[] {
  return p.items;
}

/** Missing answers, or a response still in progress (an interrupted session): shown as incomplete. */
function isUnfinished(problem: ScoringProblem): boolean {
  return problem.kind === 'incomplete' || (problem.kind === 'not-scored-status' && problem.status === 'in-progress');
}

interface RowFacts {
  readonly problem: ScoringProblem | undefined;
  readonly superseded: boolean;
  readonly unsaved: UnsavedAdministration['unsaved'] | undefined;
  readonly warning: ScoringWarning | undefined;
}

function statusOf({ problem, superseded, unsaved, warning }: RowFacts): {
  status: SessionStatus;
  note: RowNote | undefined;
} {
  if (unsaved) return { status: 'not-saved', note: { kind: unsaved === 'pending' ? 'unsaved' : 'refused' } };
  if (problem)
    return { status: isUnfinished(problem) ? 'incomplete' : 'not-scored', note: { kind: 'problem', problem } };
  if (superseded) return { status: 'not-scored', note: { kind: 'superseded' } };
  return {
    status: 'saved',
    note: warning ? { kind: 'age-band', instrument: warning.instrument, ageBand: warning.ageBand } : undefined,
  };
}

function visitFields(visit: ReturnType<SessionOf>): { session: number | undefined; episode?: number } {
  return visit ? { session: visit.number, episode: visit.episode } : { session: undefined };
}

function unreadableRow(u: History['unreadable'][number], index: number): SessionRow {
  return {
    id: `unreadable-${u.resourceType}-${u.id ?? index}`,
    date: u.date,
    instrument: u.instrument,
    session: undefined,
    total: undefined,
    subscales: undefined,
    status: 'unreadable',
    note: { kind: 'unreadable', reason: u.kind },
  };
}

/** Ours kept in progress in the record (not a copy waiting in this tab): the rows that offer "Continue". */
function resumableIds(record: LoadedRecord, unsaved: ReadonlyMap<string, unknown>): Set<string> {
  return new Set(
    record.history.administrations
      .filter((r) => isResumable(r) && !unsaved.has(r.administration.id))
      .map((r) => r.administration.id),
  );
}

/** Every row numbered by its visit: a day of contact, so an unscored response of a visit day shares its number. */
export function sessionRows(
  record: LoadedRecord,
  byId: ReadonlyMap<string, SeriesPoint>,
  sessionOf: SessionOf,
): SessionRow[] {
  const unscorable = new Map(record.assessment.unscorable.map((u) => [u.administrationId, u.problem]));
  const superseded = new Map(record.assessment.superseded.map((s) => [s.administrationId, s]));
  const unsaved = new Map((record.unsaved ?? []).map((u) => [u.administration.id, u.unsaved]));
  const warnings = new Map(record.assessment.warnings.map((w) => [w.administrationId, w]));
  const resumable = resumableIds(record, unsaved);
  const responses: readonly LoadedAdministration[] = [...record.history.administrations, ...(record.unsaved ?? [])];
  const rows = responses.map(({ administration: a }): SessionRow & { authored: string } => {
    const point = byId.get(a.id);
    const date = calendarDate(a.authored) || undefined;
    const facts = {
      problem: unscorable.get(a.id),
      superseded: superseded.has(a.id),
      unsaved: unsaved.get(a.id),
      warning: warnings.get(a.id),
    };
    return {
      id: a.id,
      authored: a.authored,
      date,
      instrument: a.instrument,
      ...visitFields(date === undefined ? undefined : sessionOf({ date })),
      total: point?.total ?? superseded.get(a.id)?.total,
      subscales: point?.family === 'inventory' ? subscaleMeans(point) : undefined,
      ...(point ? { items: itemScores(point) } : {}),
      ...statusOf(facts),
      ...(resumable.has(a.id) ? { resumable: true } : {}),
    };
  });
  const all = [
    ...newestFirst(rows, (row) => row.authored).map(({ authored: _authored, ...row }) => row),
    ...record.history.unreadable.map(unreadableRow),
  ];
  // Stable: responses keep their instant order within a day; unreadable ones slot in by their day. The days
  // are YYYY-MM-DD, so comparing the text orders them (and costs far less than a locale comparison).
  return all.sort((x, y) => {
    const a = x.date ?? '';
    const b = y.date ?? '';
    return a < b ? 1 : a > b ? -1 : 0;
  });
}
