import type { ScoredResponse } from './score-all';
import type { Episode, SeriesPoint } from './types';

// Episodes come from every contact of the client, whatever the instrument: a gap of MORE than `gapDays`
// calendar days between two consecutive contacts (any family) opens a new episode, so an SRS-only stretch
// keeps the episode (and its intake) alive. The intake is the episode's first outcome response. Alliance and
// inventory responses carry the number of the latest outcome session of their episode on or before their day
// (0 when none yet), so an SRS that ends the session an ORS opened carries that session's number.
//
// One pass over the sorted responses with two running pointers (the episode's outcome count, and the count
// of outcome responses on or before the current day): linear in the history, one point object per response.

// Built field by field, never by spreading: every response of a population passes through here.
function toPoint(r: ScoredResponse, episode: number, sessionNumber: number): SeriesPoint {
  const { instrument, total, totalTenths, items, subscales, itemMean } = r.score;
  const point: { -readonly [K in keyof SeriesPoint]: SeriesPoint[K] } = {
    instrument,
    total,
    totalTenths,
    items,
    subscales,
    itemMean,
    administrationId: r.id,
    family: r.family,
    authored: r.authored,
    date: r.date,
    instant: r.instant,
    episode,
    sessionNumber,
  };
  if (r.ageBand !== undefined) point.ageBand = r.ageBand;
  return point;
}

interface EpisodeDraft {
  index: number;
  startDate: string;
  lastOutcomeDate: string;
  lastDate: string;
  intakeId?: string;
  outcomeSessions: number;
}

function finish(draft: EpisodeDraft): Episode {
  const episode: { -readonly [K in keyof Episode]: Episode[K] } = {
    index: draft.index,
    startDate: draft.startDate,
    lastOutcomeDate: draft.outcomeSessions > 0 ? draft.lastOutcomeDate : draft.lastDate,
    outcomeSessions: draft.outcomeSessions,
  };
  if (draft.intakeId !== undefined) episode.intakeId = draft.intakeId;
  return episode;
}

/**
 * The number of the episode's outcome responses on or before `date`, advancing `from` (responses are sorted
 * by instant, so local days only move forward except across offsets, where a look-ahead catches an outcome
 * response written later the same day in another offset).
 */
function outcomeSessionsThrough(sorted: readonly ScoredResponse[], from: number, end: number, date: string): number {
  let count = 0;
  for (let j = from; j < end; j++) {
    const r = sorted[j]!;
    if (r.date > date) break;
    if (r.family === 'outcome') count++;
  }
  return count;
}

/** Places counted responses (sorted oldest first, one per family and day) into episodes with session numbers. */
export function placeInEpisodes(
  counted: readonly ScoredResponse[],
  gapDays: number,
): { points: SeriesPoint[]; episodes: Episode[] } {
  const points: SeriesPoint[] = [];
  const episodes: Episode[] = [];
  let draft: EpisodeDraft | undefined;
  let previousDay = 0;
  for (let i = 0; i < counted.length; i++) {
    const r = counted[i]!;
    if (!draft || r.day - previousDay > gapDays) {
      if (draft) episodes.push(finish(draft));
      draft = {
        index: episodes.length + 1,
        startDate: r.date,
        lastOutcomeDate: r.date,
        lastDate: r.date,
        outcomeSessions: 0,
      };
    }
    previousDay = r.day;
    draft.lastDate = r.date;
    if (r.family === 'outcome') {
      draft.outcomeSessions++;
      draft.lastOutcomeDate = r.date;
      if (draft.intakeId === undefined) draft.intakeId = r.id;
      points.push(toPoint(r, draft.index, draft.outcomeSessions));
      continue;
    }
    // The same day's outcome response may sort just after this one (it was written a moment later, or in
    // another offset): it still opened this session.
    const sameDayOutcome = outcomeSessionsThrough(counted, i + 1, Math.min(counted.length, i + 3), r.date);
    points.push(toPoint(r, draft.index, draft.outcomeSessions + sameDayOutcome));
  }
  if (draft) episodes.push(finish(draft));
  return { points, episodes };
}
