// The sandbox FHIR engine for tests. The FHIR definitions load once per Vitest worker (the node and dom
// projects run with `isolate: false`, so this module and @medplum/core's index live as long as the worker);
// a fresh, empty engine after that costs microseconds, so tests that write get one each.
import { createFhirEngine } from '../../src/node/sandbox/engine';
import { seedResources } from '../../src/node/sandbox/seed';
import type { EngineRequest, EngineResponse, FhirEngine, FhirEngineOptions } from '../../src/node/sandbox/engine';

export type TestEngine = Awaited<ReturnType<typeof createFhirEngine>>;

let seeded: Promise<TestEngine> | undefined;

/** One seeded engine shared by every test file of a worker: read from it, never write to it. */
export function sharedSeededEngine(): Promise<TestEngine> {
  seeded ??= createFhirEngine({ seed: () => seedResources() });
  return seeded;
}

/** An empty engine (no seed) for a test that writes. */
export function freshEngine(options: FhirEngineOptions = {}): Promise<TestEngine> {
  return createFhirEngine(options);
}

type Json = Record<string, unknown>;

/** A request whose answer body is taken as a JSON object, for terse assertions. */
export async function call(
  engine: FhirEngine,
  method: string,
  path: string,
  body?: unknown,
  headers?: EngineRequest['headers'],
): Promise<EngineResponse & { json: Json }> {
  const response = await engine.handle({
    method,
    path,
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
  const json = (response.body ?? {}) as Json;
  return { ...response, json };
}

/** The resources of a search or batch Bundle's entries. */
export function entriesOf(bundle: Json): Json[] {
  const entry = (bundle['entry'] ?? []) as { resource?: Json }[];
  return entry.flatMap((e) => (e.resource ? [e.resource] : []));
}

export const minimalPatient = (family: string, extra: Json = {}): Json => ({
  resourceType: 'Patient',
  name: [{ family }],
  ...extra,
});
