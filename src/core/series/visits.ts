// Session numbers by visit. A visit is a calendar day of contact in an episode, whatever was given that day
// (an ORS, an SRS alone, a WAI-SR): numbering by outcome responses alone gave a day with only an SRS the
// previous session's number, and an SRS entered before the day's ORS a second "session 1".

/** What numbering needs of a response: its identity, its episode and its calendar day (YYYY-MM-DD). */
export interface DayOfContact {
  readonly episode: number;
  readonly date: string;
}

export interface Visit {
  readonly episode: number;
  /** 1-based, in day order within the episode. */
  readonly number: number;
}

/**
 * The visit of each day of contact, by day. Episodes tile the calendar, so a day belongs to one episode;
 * should two responses of one day disagree, the later episode wins (a new episode opens on its intake day).
 * Pure; the order of the input does not matter.
 */
export function visitsByDay(contacts: readonly DayOfContact[]): ReadonlyMap<string, Visit> {
  const episodeOfDay = new Map<string, number>();
  for (const c of contacts) episodeOfDay.set(c.date, Math.max(c.episode, episodeOfDay.get(c.date) ?? c.episode));
  const days = [...episodeOfDay.keys()].sort();
  const counts = new Map<number, number>();
  const visits = new Map<string, Visit>();
  for (const date of days) {
    const episode = episodeOfDay.get(date)!;
    const number = (counts.get(episode) ?? 0) + 1;
    counts.set(episode, number);
    visits.set(date, { episode, number });
  }
  return visits;
}
