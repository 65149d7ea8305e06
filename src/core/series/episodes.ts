import type { ScoredResponse } from './score-all';
import type { Episode, SeriesPoint } from './types';

// Episodes come from the outcome series alone: the first outcome response is the intake, and a gap of MORE
// than `gapDays` calendar days between consecutive outcome responses opens a new episode.
// Alliance and inventory responses belong to the episode whose days contain theirs: episode k runs from its
// intake day up to the day before the next intake, so the spans tile the calendar. Edge cases, decided:
// - a response on an intake day belongs to the new episode (the SRS ends the session the ORS opened);
// - a response before the first intake belongs to the first episode (e.g. the ORS was skipped at session 1);
// - with no outcome response at all there is one episode holding every response, so alliance rules still run.

interface OutcomeRun {
  readonly start: ScoredResponse;
  readonly members: ScoredResponse[];
}

function outcomeRuns(outcome: readonly ScoredResponse[], gapDays: number): OutcomeRun[] {
  const runs: OutcomeRun[] = [];
  let previous: ScoredResponse | undefined;
  for (const r of outcome) {
    const current = runs.at(-1);
    if (!current || !previous || r.day - previous.day > gapDays) runs.push({ start: r, members: [r] });
    else current.members.push(r);
    previous = r;
  }
  return runs;
}

function episodeIndexFor(date: string, runs: readonly OutcomeRun[]): number {
  let index = 1;
  runs.forEach((run, i) => {
    if (run.start.date <= date) index = i + 1;
  });
  return index;
}

// Built field by field, never by spreading: every response of a population passes through here, and spreads
// made this the hottest function of the scorer (measured). That includes the age band, which is present
// whenever the birth date is known, so it is set on the point rather than spread into a copy.
function toPoint(r: ScoredResponse, episode: number, sessionNumber: number): SeriesPoint {
  const { instrument, total, totalTenths, items, subscales, itemMean } = r.score;
  const point: { -readonly [K in keyof SeriesPoint]: SeriesPoint[K] } = {
    instrument, total, totalTenths, items, subscales, itemMean,
    administrationId: r.id, family: r.family, authored: r.authored, date: r.date, instant: r.instant, episode, sessionNumber,
  };
  if (r.ageBand !== undefined) point.ageBand = r.ageBand;
  return point;
}

function describeEpisodes(runs: readonly OutcomeRun[], all: readonly ScoredResponse[]): Episode[] {
  if (runs.length === 0) {
    const first = all[0];
    const last = all.at(-1);
    return first && last ? [{ index: 1, startDate: first.date, lastOutcomeDate: last.date, outcomeSessions: 0 }] : [];
  }
  return runs.map((run, i) => ({
    index: i + 1, startDate: run.start.date, lastOutcomeDate: run.members.at(-1)!.date,
    intakeId: run.start.id, outcomeSessions: run.members.length,
  }));
}

/** Places counted responses (sorted oldest first, one per family and day) into episodes with session numbers. */
export function placeInEpisodes(counted: readonly ScoredResponse[], gapDays: number): { points: SeriesPoint[]; episodes: Episode[] } {
  const runs = outcomeRuns(counted.filter((r) => r.family === 'outcome'), gapDays);
  const outcomePlace = new Map<ScoredResponse, { episode: number; session: number }>();
  runs.forEach((run, i) => run.members.forEach((r, j) => outcomePlace.set(r, { episode: i + 1, session: j + 1 })));
  const points = counted.map((r) => {
    const place = outcomePlace.get(r);
    if (place) return toPoint(r, place.episode, place.session);
    const episode = episodeIndexFor(r.date, runs);
    const sessions = runs[episode - 1]?.members.filter((o) => o.date <= r.date).length ?? 0;
    return toPoint(r, episode, sessions);
  });
  return { points, episodes: describeEpisodes(runs, counted) };
}
