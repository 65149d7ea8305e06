import { instruments, isInstrumentId } from '../instruments';
import type { AgeBand, Instrument } from '../instruments/types';
import type { Administration, ScoreResult, ScoringProblem } from '../model';
import { fail, succeed, type Result } from '../result';
import { answerProblem } from './answers';
import { shapeProblem } from './shape';
import { totalScore } from './totals';

export { describeProblem } from './describe';

const scoredStatuses: ReadonlySet<string> = new Set(['completed', 'amended']);

type InstrumentCheck = Result<Instrument, ScoringProblem>;

function checkInstrument(a: Administration, ageBand: AgeBand | undefined): InstrumentCheck {
  if (!scoredStatuses.has(a.status)) return fail({ kind: 'not-scored-status', status: a.status });
  if (!isInstrumentId(a.instrument)) return fail({ kind: 'unknown-instrument', instrument: a.instrument });
  const instrument = instruments[a.instrument];
  // Under-6s are not scored (no psychometrics, instruments.md §1.5). Any other band change is scored and
  // warned about by the series (scoreAll): a CORS given just after the 13th birthday still counts.
  if (ageBand === 'young-child') return fail({ kind: 'wrong-age-band', instrument: instrument.id, ageBand });
  return succeed(instrument);
}

/**
 * Scores one administration: a total (and WAI-SR subscales) for a complete, valid response, else the first
 * problem found, explained. Never throws, whatever it is given. `ageBand` is the client's band on the
 * authored date; only the young-child band is refused.
 */
export function scoreAdministration(a: Administration, opts: { ageBand?: AgeBand } = {}): ScoreResult {
  const malformed = shapeProblem(a);
  if (malformed) return fail(malformed);
  const checked = checkInstrument(a, opts.ageBand);
  if (!checked.ok) return checked;
  const problem = answerProblem(checked.value, a.answers);
  if (problem) return fail(problem);
  return succeed(totalScore(checked.value, a.answers));
}
