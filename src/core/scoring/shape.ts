import { isDayPreciseDateTime } from '../dates';
import type { ScoringProblem } from '../model';

// The core's types are trusted at compile time, but scoring is also the last line of defence for data that
// reached it some other way (a script, a test, a future boundary). So the shape is checked once, cheaply.

const statuses = new Set(['completed', 'amended', 'in-progress', 'stopped', 'entered-in-error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function answersProblem(answers: unknown): string | undefined {
  if (!isRecord(answers)) return 'answers is not an object';
  for (const linkId in answers) {
    if (Object.hasOwn(answers, linkId) && typeof answers[linkId] !== 'number')
      return `answer ${JSON.stringify(linkId)} is not a number`;
  }
  return undefined;
}

/** A 'malformed' problem when the value is not shaped like an Administration, else undefined. */
export function shapeProblem(value: unknown): ScoringProblem | undefined {
  const reason = !isRecord(value)
    ? 'not an object'
    : typeof value.id !== 'string' || value.id === ''
      ? 'id is missing'
      : typeof value.instrument !== 'string'
        ? 'instrument is missing'
        : typeof value.status !== 'string' || !statuses.has(value.status)
          ? 'status is not a known response status'
          : typeof value.authored !== 'string' || !isDayPreciseDateTime(value.authored)
            ? 'authored is not a FHIR dateTime precise to the day'
            : answersProblem(value.answers);
  return reason === undefined ? undefined : { kind: 'malformed', reason };
}
