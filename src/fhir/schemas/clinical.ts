import { z } from 'zod';
import {
  codeableConceptSchema,
  dateTimeSchema,
  identifierSchema,
  periodSchema,
  quantitySchema,
  referenceSchema,
  resourceBase,
} from './datatypes';

// Observation, Flag and Provenance as the app reads them back: the project's own results and flags.

const observationComponentSchema = z.looseObject({
  code: codeableConceptSchema,
  valueQuantity: quantitySchema.optional(),
  valueInteger: z.number().int().optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
  valueBoolean: z.boolean().optional(),
  interpretation: z.array(codeableConceptSchema).optional(),
});

export const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  ...resourceBase,
  identifier: z.array(identifierSchema).optional(),
  status: z.enum([
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  category: z.array(codeableConceptSchema).optional(),
  code: codeableConceptSchema,
  subject: referenceSchema.optional(),
  effectiveDateTime: dateTimeSchema.optional(),
  valueQuantity: quantitySchema.optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
  interpretation: z.array(codeableConceptSchema).optional(),
  component: z.array(observationComponentSchema).optional(),
  hasMember: z.array(referenceSchema).optional(),
  derivedFrom: z.array(referenceSchema).optional(),
  performer: z.array(referenceSchema).optional(),
});

export const flagSchema = z.looseObject({
  resourceType: z.literal('Flag'),
  ...resourceBase,
  identifier: z.array(identifierSchema).optional(),
  status: z.enum(['active', 'inactive', 'entered-in-error']),
  category: z.array(codeableConceptSchema).optional(),
  code: codeableConceptSchema,
  subject: referenceSchema,
  period: periodSchema.optional(),
  author: referenceSchema.optional(),
});

export const provenanceSchema = z.looseObject({
  resourceType: z.literal('Provenance'),
  ...resourceBase,
  target: z.array(referenceSchema).min(1),
  recorded: z.string(),
  agent: z.array(z.looseObject({ type: codeableConceptSchema.optional(), who: referenceSchema })).min(1),
  entity: z.array(z.looseObject({ role: z.string(), what: referenceSchema })).optional(),
});

export type Observation = z.output<typeof observationSchema>;
export type Flag = z.output<typeof flagSchema>;
export type Provenance = z.output<typeof provenanceSchema>;
