import { z } from 'zod';

// FHIR R4 data types the app reads. Objects are loose (unknown fields pass through: servers add
// extensions and vendor fields); the values the domain relies on are typed strictly.

/** FHIR dateTime: a year, a date, or a date-time with seconds and a zone. */
export const FHIR_DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
export const FHIR_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const dateTimeSchema = z.string().regex(FHIR_DATE_TIME, 'expected a FHIR dateTime (YYYY-MM-DDThh:mm:ss+zz:zz)');
export const dateSchema = z.string().regex(FHIR_DATE, 'expected a FHIR date (YYYY-MM-DD)');
export const idSchema = z.string().min(1);

export const extensionSchema = z.looseObject({ url: z.string() });

export const codingSchema = z.looseObject({
  system: z.string().optional(),
  version: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
  extension: z.array(extensionSchema).optional(),
});

export const codeableConceptSchema = z.looseObject({
  coding: z.array(codingSchema).optional(),
  text: z.string().optional(),
});

export const identifierSchema = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
  type: codeableConceptSchema.optional(),
});

export const referenceSchema = z.looseObject({
  reference: z.string().optional(),
  type: z.string().optional(),
  identifier: identifierSchema.optional(),
  display: z.string().optional(),
});

export const quantitySchema = z.looseObject({
  value: z.number().optional(),
  comparator: z.string().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

export const periodSchema = z.looseObject({
  start: dateTimeSchema.optional(),
  end: dateTimeSchema.optional(),
});

export const metaSchema = z.looseObject({
  versionId: z.string().optional(),
  lastUpdated: z.string().optional(),
  profile: z.array(z.string()).optional(),
});

export const humanNameSchema = z.looseObject({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});

/** The fields every resource has; `resourceType` is checked by each resource's own schema. */
export const resourceBase = {
  id: idSchema.optional(),
  meta: metaSchema.optional(),
  extension: z.array(extensionSchema).optional(),
};

export type Coding = z.output<typeof codingSchema>;
export type CodeableConcept = z.output<typeof codeableConceptSchema>;
export type Identifier = z.output<typeof identifierSchema>;
export type Reference = z.output<typeof referenceSchema>;
export type Quantity = z.output<typeof quantitySchema>;
export type Period = z.output<typeof periodSchema>;
