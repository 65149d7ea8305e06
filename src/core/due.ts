import type { ClientAssessment } from './assessment/types';
import { daysBetween } from './dates';
import { instrumentsForAgeBand } from './instruments';
import type { AgeBand, InstrumentId } from './instruments/types';
import type { SeriesPoint } from './series/types';
import { visitsByDay } from './series/visits';

// What to offer now. The outcome measure opens a session and the alliance measure closes it, each at most
// once per day. The WAI-SR is due at the end of session `waiFirstAtSession` (3rd) of an episode, then every
// `waiEverySessions` outcome sessions after the last one given (a missed one stays due until given).
// Under-6s get nothing: the YCORS/YCSRS are engagement tools, not scored.

export type NotOfferedReason = 'under-6-not-scored' | 'not-for-age-band' | 'done-today' | 'not-due-yet';

export type Offer =
  | { readonly offer: true; readonly instrument: InstrumentId }
  | { readonly offer: false; readonly reason: NotOfferedReason; readonly instrument?: InstrumentId };

export interface DueInstruments {
  readonly ageBand: AgeBand;
  /** True when no age band was known and the adult forms were assumed. */
  readonly ageBandAssumed: boolean;
  /** Today's outcome session number in its episode (the next one when none was given today). */
  readonly sessionNumber: number;
  /** Today's visit in its episode, numbered as the session table numbers them (any response makes a visit). */
  readonly visitNumber: number;
  readonly sessionStart: Offer;
  readonly sessionEnd: Offer;
  /** The WAI-SR; `dueAtSession` says when it is (or was) due. */
  readonly inventory: Offer & { readonly dueAtSession?: number };
}

export interface DueInput {
  readonly assessment: ClientAssessment;
  /** The client's age band today; undefined when the birth date is unknown. */
  readonly ageBand: AgeBand | undefined;
  /** The client's local date today, YYYY-MM-DD. */
  readonly today: string;
}

const doneOn = (points: readonly SeriesPoint[], today: string): boolean => points.some((p) => p.date === today);

function todaysSession(assessment: ClientAssessment, today: string): { session: number; sameEpisode: boolean } {
  const last = assessment.series.outcome.at(-1);
  if (!last) return { session: 1, sameEpisode: true };
  if (last.date === today) return { session: last.sessionNumber, sameEpisode: true };
  const continues = daysBetween(last.date, today) <= assessment.config.episodeGapDays;
  return continues ? { session: last.sessionNumber + 1, sameEpisode: true } : { session: 1, sameEpisode: false };
}

function todaysVisit(assessment: ClientAssessment, today: string, sameEpisode: boolean): number {
  const { outcome, alliance, inventory } = assessment.series;
  const contacts = [...outcome, ...alliance, ...inventory];
  const visits = visitsByDay(contacts);
  const todays = visits.get(today);
  if (todays) return todays.number;
  if (!sameEpisode || contacts.length === 0) return 1;
  const episode = Math.max(...contacts.map((c) => c.episode));
  return [...visits.values()].filter((v) => v.episode === episode).length + 1;
}

function offerOnce(instrument: InstrumentId | undefined, points: readonly SeriesPoint[], today: string): Offer {
  if (!instrument) return { offer: false, reason: 'not-for-age-band' };
  return doneOn(points, today) ? { offer: false, reason: 'done-today', instrument } : { offer: true, instrument };
}

function inventoryOffer(
  input: DueInput,
  instrument: InstrumentId | undefined,
  session: number,
  sameEpisode: boolean,
): DueInstruments['inventory'] {
  const { assessment, today } = input;
  const once = offerOnce(instrument, assessment.series.inventory, today);
  if (!once.offer) return once;
  const { waiFirstAtSession, waiEverySessions } = assessment.config;
  const last = sameEpisode ? assessment.inventory.latest : undefined;
  const dueAtSession = last ? last.sessionNumber + waiEverySessions : waiFirstAtSession;
  return session >= dueAtSession
    ? { ...once, dueAtSession }
    : { offer: false, reason: 'not-due-yet', instrument: once.instrument, dueAtSession };
}

/** The instruments to offer at the start and end of today's session, and whether the WAI-SR is due. */
export function dueInstruments(input: DueInput): DueInstruments {
  const ageBand = input.ageBand ?? 'adult';
  const { session, sameEpisode } = todaysSession(input.assessment, input.today);
  const visitNumber = todaysVisit(input.assessment, input.today, sameEpisode);
  const base = { ageBand, ageBandAssumed: input.ageBand === undefined, sessionNumber: session, visitNumber };
  if (ageBand === 'young-child') {
    const none: Offer = { offer: false, reason: 'under-6-not-scored' };
    return { ...base, sessionStart: none, sessionEnd: none, inventory: none };
  }
  const forms = instrumentsForAgeBand(ageBand);
  const { series } = input.assessment;
  return {
    ...base,
    sessionStart: offerOnce(forms.outcome?.id, series.outcome, input.today),
    sessionEnd: offerOnce(forms.alliance?.id, series.alliance, input.today),
    inventory: inventoryOffer(input, forms.inventory?.id, session, sameEpisode),
  };
}
