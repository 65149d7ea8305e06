import { z } from 'zod';
import { codeableConceptSchema, resourceBase } from './datatypes';

export const operationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  ...resourceBase,
  issue: z.array(
    z.looseObject({
      severity: z.string(),
      code: z.string(),
      details: codeableConceptSchema.optional(),
      diagnostics: z.string().optional(),
      expression: z.array(z.string()).optional(),
    }),
  ),
});

export type OperationOutcome = z.output<typeof operationOutcomeSchema>;

/** The body as an OperationOutcome, or undefined. Only whether it reads matters here, so zod's own check is enough. */
export function parseOutcome(body: unknown): OperationOutcome | undefined {
  const parsed = operationOutcomeSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** One readable line per issue: the details text, else its coding display, else the diagnostics, else the code. */
export function issueLines(outcome: OperationOutcome): string[] {
  return outcome.issue.map((i) => {
    const text = i.details?.text ?? i.details?.coding?.find((c) => c.display)?.display ?? i.diagnostics ?? i.code;
    const where = i.expression?.[0];
    return where ? `${text} (${where})` : text;
  });
}

/** `issueLines` of a body that may or may not be an OperationOutcome (none when it is not). */
export function outcomeMessages(body: unknown): string[] {
  const outcome = parseOutcome(body);
  return outcome ? issueLines(outcome) : [];
}
