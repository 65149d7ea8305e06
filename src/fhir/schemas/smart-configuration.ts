import { z } from 'zod';

// `.well-known/smart-configuration` (SMART App Launch 2.x). Required fields are required here, so a
// server that leaves one out is reported by name; every other field is optional and passes through.

export const smartConfigurationSchema = z.looseObject({
  issuer: z.string().optional(),
  jwks_uri: z.string().optional(),
  authorization_endpoint: z.string().optional(),
  token_endpoint: z.string(),
  grant_types_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  registration_endpoint: z.string().optional(),
  scopes_supported: z.array(z.string()).optional(),
  response_types_supported: z.array(z.string()).optional(),
  management_endpoint: z.string().optional(),
  introspection_endpoint: z.string().optional(),
  revocation_endpoint: z.string().optional(),
  capabilities: z.array(z.string()),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

export type SmartConfiguration = z.output<typeof smartConfigurationSchema>;
