import { z } from 'zod';
import { codeableConceptSchema, resourceBase } from './datatypes';
import { validate } from './validate';

export const operationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  ...resourceBase,
  issue: z.array(z.looseObject({
    severity: z.string(),
    code: z.string(),
    details: codeableConceptSchema.optional(),
    diagnostics: z.string().optional(),
    expression: z.array(z.string()).optional(),
  })),
});

export type OperationOutcome = z.output<typeof operationOutcomeSchema>;

/** One readable line per issue: the details text, else its coding display, else the diagnostics, else the code. */
export function outcomeMessages(body: unknown): string[] {
  const parsed = validate(operationOutcomeSchema, body);
  if (!parsed.ok) return [];
  return parsed.value.issue.map((i) => {
    const text = i.details?.text ?? i.details?.coding?.find((c) => c.display)?.display ?? i.diagnostics ?? i.code;
    const where = i.expression?.[0];
    return where ? `${text} (${where})` : text;
  });
}
