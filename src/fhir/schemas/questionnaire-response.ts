import { z } from 'zod';
import {
  codingSchema,
  dateSchema,
  dateTimeSchema,
  identifierSchema,
  quantitySchema,
  referenceSchema,
  resourceBase,
} from './datatypes';

// QuestionnaireResponse as servers send it: every answer value type R4 allows, items nested in groups
// and under answers. Numbers must be numbers: scores are computed from them.

const attachmentSchema = z.looseObject({
  contentType: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
});

export const qrAnswerSchema = z.looseObject({
  valueBoolean: z.boolean().optional(),
  valueDecimal: z.number().optional(),
  valueInteger: z.number().int().optional(),
  valueDate: dateSchema.optional(),
  valueDateTime: dateTimeSchema.optional(),
  valueTime: z.string().optional(),
  valueString: z.string().optional(),
  valueUri: z.string().optional(),
  valueAttachment: attachmentSchema.optional(),
  valueCoding: codingSchema.optional(),
  valueQuantity: quantitySchema.optional(),
  valueReference: referenceSchema.optional(),
  get item() {
    return z.array(qrItemSchema).optional();
  },
});

export const qrItemSchema = z.looseObject({
  linkId: z.string(),
  definition: z.string().optional(),
  text: z.string().optional(),
  get answer() {
    return z.array(qrAnswerSchema).optional();
  },
  get item() {
    return z.array(qrItemSchema).optional();
  },
});

export const questionnaireResponseStatus = z.enum([
  'in-progress',
  'completed',
  'amended',
  'entered-in-error',
  'stopped',
]);

export const questionnaireResponseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  ...resourceBase,
  identifier: identifierSchema.optional(),
  questionnaire: z.string().optional(),
  status: questionnaireResponseStatus,
  subject: referenceSchema.optional(),
  encounter: referenceSchema.optional(),
  authored: dateTimeSchema.optional(),
  author: referenceSchema.optional(),
  source: referenceSchema.optional(),
  item: z.array(qrItemSchema).optional(),
});

export type QrAnswer = z.output<typeof qrAnswerSchema>;
export type QrItem = z.output<typeof qrItemSchema>;
export type QuestionnaireResponse = z.output<typeof questionnaireResponseSchema>;
