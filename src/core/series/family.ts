import type { InstrumentId } from '../instruments/types';
import type { Family } from './types';

const families: Readonly<Record<InstrumentId, Family>> = {
  ors: 'outcome',
  cors: 'outcome',
  srs: 'alliance',
  csrs: 'alliance',
  'wai-sr': 'inventory',
};

export function familyOf(instrument: InstrumentId): Family {
  return families[instrument];
}
