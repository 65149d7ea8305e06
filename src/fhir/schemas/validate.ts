import { z } from 'zod';
import { fail, succeed, type Result } from '../../core/result';
import { type Bounds, checkBounds, DEFAULT_BOUNDS } from '../parse/bounds';

// One way to run a schema over untrusted input: a Result with short, human messages that name the path
// (`item[2].answer[0].valueInteger: expected an integer`), so a "could not read" list can say why.

/** The value, or one readable message per problem. */
export type Validated<T> = Result<T, readonly string[]>;

const articles: Readonly<Record<string, string>> = {
  int: 'an integer',
  object: 'an object',
  array: 'a list',
  number: 'a number',
  string: 'a text',
  boolean: 'true or false',
};

function describeExpected(expected: string): string {
  return articles[expected] ?? `a ${expected}`;
}

/** Zod's defaults are long and technical; these read well in a list of unreadable resources. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return 'missing';
  if (issue.code === 'invalid_type') return `expected ${describeExpected(issue.expected)}`;
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
  return undefined;
};

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The one zod-error formatter: one line per issue, `servers[1].clientId: message` (`(root)` for the whole input). */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/**
 * `bounds`: zod's walk is recursive, and input nested deep enough overflows the call stack (a response
 * 1,000 levels deep did), so the bounds are checked first, without recursion. `null` is for envelopes whose
 * schema stops at `unknown` payloads (a CDS Hooks request's prefetch), each validated on its own later.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  bounds: Bounds | null = DEFAULT_BOUNDS,
): Validated<z.output<S>> {
  const bounded = bounds === null ? succeed(undefined) : checkBounds(input, bounds);
  if (!bounded.ok) return fail([bounded.error]);
  // Parse options take zod off its compiled fast path (measured: half the throughput), and valid input is
  // the common case: the readable messages are produced only when the input turned out to be invalid.
  const result = schema.safeParse(input);
  if (result.success) return succeed(result.data);
  const explained = schema.safeParse(input, { error: errorMap });
  return fail(formatZodIssues(explained.success ? result.error.issues : explained.error.issues));
}
