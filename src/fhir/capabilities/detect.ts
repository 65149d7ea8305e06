import { z } from 'zod';
import type { CapabilityResource, CapabilityStatement } from '../schemas/capability-statement';
import { capabilityStatementSchema } from '../schemas/capability-statement';
import { validate } from '../schemas/validate';
import { type GrantedScopes, type Interaction, parseScopes, scopesAllow } from './scopes';

// What a server can do for this app: from its CapabilityStatement (what the server supports) and the
// granted scopes (what this token may do). The write plan (issue 5) and the server checker (issue 7)
// read this; nothing here talks to the network.

export interface ResourceCapabilities {
  readonly interactions: Readonly<Record<Interaction, boolean>>;
  readonly conditionalCreate: boolean;
  readonly conditionalUpdate: boolean;
  readonly searchParams: readonly string[];
  readonly searchInclude: readonly string[];
  readonly searchRevInclude: readonly string[];
}

export interface ServerCapabilities {
  /** As the server states it ('' when the statement could not be read). */
  readonly fhirVersion: string;
  /** Why the app cannot work with this server (unreadable statement, not FHIR 4.0.x); absent when it can. */
  readonly unsupportedReason?: string;
  readonly software?: string;
  readonly transaction: boolean;
  readonly batch: boolean;
  /** Some resource type declares `_include` / `_revinclude` targets. */
  readonly include: boolean;
  readonly revinclude: boolean;
  /** Per resource type; a type the statement does not list supports nothing. */
  readonly resources: Readonly<Record<string, ResourceCapabilities>>;
  readonly scopes: GrantedScopes;
  /** SMART endpoints from the statement's `rest.security` oauth-uris extension (the v1-era discovery). */
  readonly oauthUris?: { readonly authorize?: string; readonly token?: string };
}

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const R4 = /^4\.0(\.\d+)?$/;

/** CapabilityStatement interaction codes that stand for the app's five interactions. */
const CODES: Readonly<Record<Interaction, readonly string[]>> = {
  read: ['read'],
  search: ['search-type'],
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
};

function resourceCapabilities(resource: CapabilityResource): ResourceCapabilities {
  const codes = new Set((resource.interaction ?? []).map((i) => i.code));
  const has = (interaction: Interaction): boolean => CODES[interaction].some((c) => codes.has(c));
  return {
    interactions: {
      read: has('read'),
      search: has('search'),
      create: has('create'),
      update: has('update'),
      delete: has('delete'),
    },
    conditionalCreate: resource.conditionalCreate === true,
    conditionalUpdate: resource.conditionalUpdate === true,
    searchParams: (resource.searchParam ?? []).map((p) => p.name),
    searchInclude: resource.searchInclude ?? [],
    searchRevInclude: resource.searchRevInclude ?? [],
  };
}

const oauthUrisExtension = z.looseObject({
  extension: z.array(z.looseObject({ url: z.string(), valueUri: z.string().optional() })).optional(),
});

function oauthUris(statement: CapabilityStatement): ServerCapabilities['oauthUris'] {
  const ext = statement.rest?.flatMap((r) => r.security?.extension ?? []).find((e) => e.url === OAUTH_URIS);
  const parsed = oauthUrisExtension.safeParse(ext);
  const uri = (name: string): string | undefined =>
    parsed.success ? parsed.data.extension?.find((e) => e.url === name)?.valueUri : undefined;
  const authorize = uri('authorize');
  const token = uri('token');
  return authorize || token ? { ...(authorize ? { authorize } : {}), ...(token ? { token } : {}) } : undefined;
}

function fromStatement(statement: CapabilityStatement, scopes: GrantedScopes): ServerCapabilities {
  const server = statement.rest?.find((r) => r.mode === 'server');
  const systemCodes = new Set((server?.interaction ?? []).map((i) => i.code));
  const resources = Object.fromEntries((server?.resource ?? []).map((r) => [r.type, resourceCapabilities(r)]));
  const all = Object.values(resources);
  const unsupported = R4.test(statement.fhirVersion)
    ? undefined
    : `the server speaks FHIR ${statement.fhirVersion}; this app needs FHIR R4 (4.0.x)`;
  const uris = oauthUris(statement);
  return {
    fhirVersion: statement.fhirVersion,
    ...(unsupported ? { unsupportedReason: unsupported } : {}),
    ...(statement.software
      ? { software: [statement.software.name, statement.software.version].filter(Boolean).join(' ') }
      : {}),
    transaction: systemCodes.has('transaction'),
    batch: systemCodes.has('batch'),
    include: all.some((r) => r.searchInclude.length > 0),
    revinclude: all.some((r) => r.searchRevInclude.length > 0),
    resources,
    scopes,
    ...(uris ? { oauthUris: uris } : {}),
  };
}

export function detectCapabilities(capabilityStatement: unknown, grantedScopes: string): ServerCapabilities {
  const scopes = parseScopes(grantedScopes);
  const parsed = validate(capabilityStatementSchema, capabilityStatement);
  if (parsed.ok) return fromStatement(parsed.value, scopes);
  return {
    fhirVersion: '',
    unsupportedReason: `the CapabilityStatement could not be read: ${parsed.error.slice(0, 3).join('; ')}`,
    transaction: false,
    batch: false,
    include: false,
    revinclude: false,
    resources: {},
    scopes,
  };
}

export function serverSupports(caps: ServerCapabilities, type: string, interaction: Interaction): boolean {
  return caps.resources[type]?.interactions[interaction] === true;
}

/** The server offers it and the token allows it. */
export function isAllowed(caps: ServerCapabilities, type: string, interaction: Interaction): boolean {
  return serverSupports(caps, type, interaction) && scopesAllow(caps.scopes, type, interaction);
}

export function canRead(caps: ServerCapabilities, type: string, interaction: 'read' | 'search' = 'search'): boolean {
  return isAllowed(caps, type, interaction);
}

export function canWrite(caps: ServerCapabilities, type: string, interaction: 'create' | 'update' = 'create'): boolean {
  return isAllowed(caps, type, interaction);
}
