import { z } from 'zod';
import { resourceBase } from './datatypes';

/** Questionnaire: only what identifies it (the app builds its own forms from src/core/instruments). */
export const questionnaireSchema = z.looseObject({
  resourceType: z.literal('Questionnaire'),
  ...resourceBase,
  url: z.string().optional(),
  version: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
});

export type Questionnaire = z.output<typeof questionnaireSchema>;
