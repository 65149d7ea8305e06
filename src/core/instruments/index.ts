import { cors, csrs, ors, srs } from './ors-family';
import type { AgeBand, Instrument, InstrumentId } from './types';
import { waiSr } from './wai-sr';

export type * from './types';

export const instruments: Readonly<Record<InstrumentId, Instrument>> = { ors, srs, cors, csrs, 'wai-sr': waiSr };

export const instrumentIds = Object.keys(instruments) as readonly InstrumentId[];

export function isInstrumentId(value: string): value is InstrumentId {
  return Object.hasOwn(instruments, value);
}

/** The outcome and alliance instruments meant for an age band; none under 6 (YCORS/YCSRS are not scored). */
export function instrumentsForAgeBand(band: AgeBand): {
  outcome?: Instrument;
  alliance?: Instrument;
  inventory?: Instrument;
} {
  if (band === 'young-child') return {};
  if (band === 'child') return { outcome: cors, alliance: csrs };
  return { outcome: ors, alliance: srs, inventory: waiSr };
}
