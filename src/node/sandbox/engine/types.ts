import type { VendorName } from './vendors/types';

// The contract of the sandbox FHIR engine: a transport-agnostic request/response function around the
// Medplum router, plus the knobs the SMART sandbox and the tests turn. HTTP, MSW and the SMART guard all
// speak EngineRequest/EngineResponse, so one engine serves every transport.

export type EngineMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EngineRequest {
  readonly method: EngineMethod | string;
  /**
   * Relative to the FHIR base, with its query string: `Patient/1`, `Observation?subject=Patient/1`, `metadata`,
   * `` (the base itself, for batch/transaction POST). A leading `/` is tolerated.
   */
  readonly path: string;
  /** Header names in any case; the engine reads them case-insensitively. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON body (not a string). */
  readonly body?: unknown;
}

export interface EngineResponse {
  readonly status: number;
  /** Lower-case header names (`content-type`, `etag`, `location`, `last-modified`). */
  readonly headers: Readonly<Record<string, string>>;
  /** A FHIR resource (OperationOutcome on errors); undefined for 204/304. */
  readonly body?: unknown;
}

/** Ask the engine to fail transactions, so the app's error paths can be exercised. */
export interface TransactionFault {
  /** HTTP status to answer with (default 500). */
  readonly status?: number;
  /** Delay before answering (or before processing when no status is given), ms. */
  readonly delayMs?: number;
  /** How many transactions to affect before the fault clears itself (default: until removed). */
  readonly times?: number;
}

/**
 * What the server supports. Mutable: a change takes effect on the next request and the CapabilityStatement
 * reflects it at once.
 */
export interface EngineSettings {
  /** When false, a transaction Bundle is refused with 400 (as a server without transaction support does). */
  transactions: boolean;
  /** When false, a batch Bundle is refused with 400. */
  batch: boolean;
  /**
   * When false, `If-None-Exist` / `request.ifNoneExist` is refused with 412 Precondition Failed and an
   * OperationOutcome (a server that cannot honour a precondition must not silently create).
   */
  conditionalCreate: boolean;
  transactionFault?: TransactionFault;
  /** Which EHR's write profile the server behaves like (default `open`, every interaction). */
  vendor: VendorName;
  /**
   * Pages of at most `maxPageSize` whose `next` link carries an opaque cursor (no offsets, no `last`), as servers
   * that cap `_count` and page by cursor do: a client can only read such a search one page after another.
   */
  cursorPaging?: CursorPaging;
}

export interface CursorPaging {
  readonly maxPageSize: number;
}

/** SMART endpoints advertised in the CapabilityStatement's `rest.security` (oauth-uris extension). */
export interface SmartEndpoints {
  readonly authorize: string;
  readonly token: string;
  readonly revoke?: string;
  readonly introspect?: string;
  readonly manage?: string;
  readonly register?: string;
}

export interface FhirEngineOptions {
  /**
   * What to store at start when the store is empty (nothing by default). The engine knows no data of its own:
   * its callers seed it (the sandbox with src/node/sandbox/seed), so a test or a tool chooses its data.
   */
  readonly seed?: () => Iterable<unknown>;
  /** Persist the store: loaded at start when the file exists, rewritten (debounced, atomically) after writes. */
  readonly dataFile?: string;
  /** Absolute FHIR base URL used in links (paging, fullUrl). Default `http://127.0.0.1/fhir`. */
  readonly baseUrl?: string;
  readonly settings?: Partial<EngineSettings>;
}

export interface FhirEngine {
  handle(request: EngineRequest): Promise<EngineResponse>;
  readonly settings: EngineSettings;
  /** Absolute FHIR base URL for links; the HTTP server sets it once it knows its port. */
  baseUrl: string;
  /** Advertise (or, with undefined, stop advertising) SMART security in the CapabilityStatement. */
  setSmartEndpoints(endpoints: SmartEndpoints | undefined): void;
  /** Writes pending persistence to the dataFile now (no-op without one). */
  flush(): Promise<void>;
  /** Flushes and stops timers. */
  close(): Promise<void>;
}

/**
 * Seeded Patients carry their one-line story for the EHR launch page here (`valueString`); seeded
 * Practitioners are the clinicians to pick from.
 */
export const SANDBOX_STORY_EXTENSION = 'http://fhir.therapy-feedback.org/StructureDefinition/sandbox-story';
