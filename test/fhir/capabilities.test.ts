import { describe, expect, it } from 'vitest';
import {
  canRead,
  canWrite,
  detectCapabilities,
  parseScopes,
  parseSmartConfiguration,
  scopesAllow,
} from '../../src/fhir/capabilities';

const statement = (overrides: Record<string, unknown> = {}) => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  fhirVersion: '4.0.1',
  software: { name: 'Test', version: '2' },
  rest: [
    {
      mode: 'server',
      interaction: [{ code: 'transaction' }, { code: 'batch' }],
      security: {
        extension: [
          {
            url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
            extension: [
              { url: 'authorize', valueUri: 'https://as/authorize' },
              { url: 'token', valueUri: 'https://as/token' },
            ],
          },
        ],
      },
      resource: [
        {
          type: 'Observation',
          interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }],
          conditionalCreate: true,
          searchParam: [
            { name: 'subject', type: 'reference' },
            { name: 'category', type: 'token' },
          ],
          searchRevInclude: ['Provenance:target'],
        },
        {
          type: 'Flag',
          interaction: [{ code: 'search-type' }, { code: 'update' }],
          conditionalUpdate: true,
          searchInclude: ['Flag:subject'],
        },
      ],
    },
  ],
  ...overrides,
});

describe('parseScopes', () => {
  it('reads v2 letters in order, with constraints, and v1 suffixes', () => {
    const scopes = parseScopes(
      'launch openid fhirUser online_access patient/Observation.crs user/Questionnaire.rs?url=x patient/Flag.write patient/*.read system/Bad.dus',
    );
    expect(scopes.grants.map((g) => [g.scope, g.grammar, g.interactions.join(',')])).toEqual([
      ['patient/Observation.crs', 'v2', 'create,read,search'],
      ['user/Questionnaire.rs?url=x', 'v2', 'read,search'],
      ['patient/Flag.write', 'v1', 'create,update,delete'],
      ['patient/*.read', 'v1', 'read,search'],
    ]);
    expect(scopes.grants[1]?.constraint).toBe('url=x');
    expect(scopes.other).toEqual(['launch', 'openid', 'fhirUser', 'online_access', 'system/Bad.dus']);
    expect(scopes.refresh).toBe(true);
  });

  it('applies wildcards and never lets a write scope imply read', () => {
    const scopes = parseScopes('patient/Flag.cu user/*.*');
    expect(scopesAllow(parseScopes('patient/Flag.cu'), 'Flag', 'read')).toBe(false);
    expect(scopesAllow(scopes, 'Provenance', 'delete')).toBe(true);
    expect(scopesAllow(parseScopes(''), 'Patient', 'read')).toBe(false);
  });
});

describe('detectCapabilities', () => {
  it('reads transaction, batch, interactions, conditional operations, includes and SMART uris', () => {
    const caps = detectCapabilities(statement(), 'patient/Observation.crs patient/Flag.rs');
    expect(caps).toMatchObject({
      fhirVersion: '4.0.1',
      software: 'Test 2',
      transaction: true,
      batch: true,
      include: true,
      revinclude: true,
      oauthUris: { authorize: 'https://as/authorize', token: 'https://as/token' },
    });
    expect(caps.unsupportedReason).toBeUndefined();
    expect(caps.resources['Observation']).toEqual({
      interactions: { read: true, search: true, create: true, update: false, delete: false },
      conditionalCreate: true,
      conditionalUpdate: false,
      searchParams: ['subject', 'category'],
      searchInclude: [],
      searchRevInclude: ['Provenance:target'],
    });
  });

  it('combines what the server offers with what the token allows', () => {
    const caps = detectCapabilities(statement(), 'patient/Observation.crs patient/Flag.rs');
    expect(canWrite(caps, 'Observation')).toBe(true);
    expect(canWrite(caps, 'Flag', 'update')).toBe(false); // server yes, token no
    expect(canRead(caps, 'Flag')).toBe(true);
    expect(canRead(caps, 'Flag', 'read')).toBe(false); // token yes, server no
    expect(canRead(caps, 'Patient')).toBe(false); // not in the statement
  });

  it('refuses another FHIR version with a reason, and an unreadable statement too', () => {
    expect(detectCapabilities(statement({ fhirVersion: '5.0.0' }), '').unsupportedReason).toBe(
      'the server speaks FHIR 5.0.0; this app needs FHIR R4 (4.0.x)',
    );
    expect(detectCapabilities(statement({ fhirVersion: '4.0' }), '').unsupportedReason).toBeUndefined();
    const broken = detectCapabilities({ resourceType: 'CapabilityStatement' }, 'patient/*.*');
    expect(broken.unsupportedReason).toBe('the CapabilityStatement could not be read: fhirVersion: missing');
    expect(canWrite(broken, 'Observation')).toBe(false);
  });
});

describe('parseSmartConfiguration', () => {
  const document = {
    authorization_endpoint: 'auth/authorize',
    token_endpoint: 'https://as.example/token',
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'permission-v1',
      'permission-v2',
      'permission-online',
    ],
  };

  it('reads versions, PKCE and launch types, resolving relative endpoints against the FHIR base', () => {
    const smart = parseSmartConfiguration(document, 'https://ehr.example/fhir');
    expect(smart).toMatchObject({
      valid: true,
      problems: [],
      permissionV1: true,
      permissionV2: true,
      pkceS256: true,
      launchEhr: true,
      launchStandalone: true,
      clientPublic: true,
      refreshOnline: true,
      refreshOffline: false,
      authorizationEndpoint: 'https://ehr.example/fhir/auth/authorize',
      tokenEndpoint: 'https://as.example/token',
    });
  });

  it('reports every gap at once', () => {
    const smart = parseSmartConfiguration(
      { ...document, authorization_endpoint: undefined, code_challenge_methods_supported: ['plain'] },
      'https://e/fhir',
    );
    expect(smart.valid).toBe(false);
    expect(smart.problems).toEqual([
      'code_challenge_methods_supported: S256 is not offered (SMART 2 requires PKCE S256)',
      'code_challenge_methods_supported: offers "plain", which SMART 2 forbids',
      'authorization_endpoint: missing, but launch-ehr is advertised',
    ]);
    expect(parseSmartConfiguration('<html>', 'https://e/fhir')).toMatchObject({
      valid: false,
      problems: ['(root): expected an object'],
    });
  });
});
