import { z } from 'zod';
import { codeableConceptSchema, extensionSchema, resourceBase } from './datatypes';

// CapabilityStatement: the parts the write plan and the server checker read. Codes are kept as strings,
// not enums: servers add their own, and an unknown interaction is simply not one the app uses.

const codeList = z.array(z.looseObject({ code: z.string() }));

export const capabilityResourceSchema = z.looseObject({
  type: z.string(),
  profile: z.string().optional(),
  interaction: codeList.optional(),
  versioning: z.string().optional(),
  conditionalCreate: z.boolean().optional(),
  conditionalUpdate: z.boolean().optional(),
  conditionalDelete: z.string().optional(),
  searchInclude: z.array(z.string()).optional(),
  searchRevInclude: z.array(z.string()).optional(),
  searchParam: z.array(z.looseObject({ name: z.string(), type: z.string().optional() })).optional(),
});

export const capabilityRestSchema = z.looseObject({
  mode: z.string(),
  security: z
    .looseObject({
      service: z.array(codeableConceptSchema).optional(),
      extension: z.array(extensionSchema).optional(),
    })
    .optional(),
  resource: z.array(capabilityResourceSchema).optional(),
  interaction: codeList.optional(),
  searchParam: z.array(z.looseObject({ name: z.string() })).optional(),
});

export const capabilityStatementSchema = z.looseObject({
  resourceType: z.literal('CapabilityStatement'),
  ...resourceBase,
  status: z.string().optional(),
  fhirVersion: z.string(),
  format: z.array(z.string()).optional(),
  software: z.looseObject({ name: z.string(), version: z.string().optional() }).optional(),
  rest: z.array(capabilityRestSchema).optional(),
});

export type CapabilityStatement = z.output<typeof capabilityStatementSchema>;
export type CapabilityResource = z.output<typeof capabilityResourceSchema>;
export type CapabilityRest = z.output<typeof capabilityRestSchema>;
