import type { ScoringProblem } from '../model';

/** One English sentence explaining why an administration was not scored (for logs, CLIs and tooltips). */
export function describeProblem(problem: ScoringProblem): string {
  switch (problem.kind) {
    case 'malformed':
      return `Not a valid administration: ${problem.reason}.`;
    case 'unknown-instrument':
      return `Unknown instrument "${problem.instrument}".`;
    case 'incomplete':
      return `Incomplete: no answer for ${problem.missing.join(', ')}; incomplete responses are not scored.`;
    case 'out-of-range':
      return `Answer ${problem.linkId} is ${problem.value}, outside ${problem.min}–${problem.max}.`;
    case 'not-integer':
      return `Answer ${problem.linkId} is ${problem.value}, not a whole number.`;
    case 'unknown-item':
      return `Answer to ${problem.linkId}, which the form does not have.`;
    case 'wrong-age-band':
      return `The ${problem.instrument} is not meant for the ${problem.ageBand} age band.`;
    case 'not-scored-status':
      return `Status "${problem.status}": only completed or amended responses are scored.`;
  }
}
