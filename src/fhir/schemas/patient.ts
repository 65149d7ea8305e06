import { z } from 'zod';
import { dateSchema, humanNameSchema, identifierSchema, resourceBase } from './datatypes';

/** Patient: what the banner and the age bands need. birthDate decides the instrument, so it is strict. */
export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  ...resourceBase,
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  birthDate: dateSchema.optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
});

export type Patient = z.output<typeof patientSchema>;
