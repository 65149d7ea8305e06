// The shapes the write side passes around. A WriteSet is plain JSON so that the Outbox can keep it in
// session storage and re-send it after a reload exactly as it was first built.

import type { IdentifierToken } from '../resources/identity';

/** Every kind of entry; the Outbox's schema reads stored entries against this same list. */
export const WRITE_KINDS = [
  'questionnaire',
  'response',
  'response-update',
  'observation',
  'flag-create',
  'flag-end',
  'note',
  'provenance',
  'rupture-note',
] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** The client's answers: created, or (a response kept in progress, completed in place) updated. */
export const isResponseKind = (kind: WriteKind): boolean => kind === 'response' || kind === 'response-update';

export interface WriteEntry {
  /** `urn:uuid:` derived from the resource's identifier (creates), or `Flag/<id>` / `QuestionnaireResponse/<id>` (updates). */
  readonly fullUrl: string;
  readonly kind: WriteKind;
  readonly resource: fhir4.Resource;
  /**
   * Search (`name=value&…`) that finds this resource if an earlier attempt already created it: the
   * `ifNoneExist` of a conditional create, or the search of search-then-create. Creates only.
   */
  readonly match?: string;
  /** The identifier a reference falls back to when this entry could not be written. */
  readonly identifier?: IdentifierToken;
  /** Plain words for the person saving: "the ORS response", "the flag \"alliance-concern\"". */
  readonly label: string;
}

export interface WriteSet {
  /** The QuestionnaireResponse's identifier value: the key of the save in the Outbox. */
  readonly key: string;
  /** In write order: Questionnaire, response, Observations, Flag creates, Flag ends, clinical note, Provenance. */
  readonly entries: readonly WriteEntry[];
  /** Completes a response kept in progress as a new copy (updates refused): the in-progress copy stays in the record. */
  readonly earlierCopyKept?: boolean;
}

/** An interaction this server refused earlier in the tab (see refusal-memory.ts). */
export interface RememberedRefusal {
  readonly resourceType: string;
  readonly interaction: 'create' | 'update';
  /** The server's own words (its OperationOutcome), for the save report and check-server. */
  readonly reason: string;
}

export type WriteMode = 'transaction' | 'batch' | 'individual';

export interface WritePlan {
  readonly mode: WriteMode;
  /** Whether creates carry `ifNoneExist`; otherwise the executor searches before it creates. */
  readonly conditionalCreate: boolean;
  /** Whether a batch of searches may be used for those look-ups (otherwise one GET each). */
  readonly batchSearch: boolean;
  /** Kinds the granted scopes or the server's CapabilityStatement refuse, with the sentence to show. */
  readonly refused: readonly { readonly kind: WriteKind; readonly reason: string }[];
  readonly note: NotePlan;
}

/**
 * The clinical note (a DocumentReference carrying the text and the response): `always` where the response,
 * scores or alerts cannot be written as such; `if-refused` where they can, written only when the server
 * refuses them after all; `never` where notes cannot be written either.
 */
export interface NotePlan {
  readonly when: 'always' | 'if-refused' | 'never';
  /** Why, in a sentence for check-server and the docs. */
  readonly reason: string;
}

export type EntryOutcome =
  /**
   * `version`: the version the server gave it (Location `…/_history/n` or `meta.versionId`), when it said.
   * `inNote`: not written as its own resource; what it holds is in the saved clinical note (`reference`).
   */
  | { readonly status: 'saved'; readonly reference: string; readonly version?: string; readonly inNote?: boolean }
  /** `httpStatus`: the server's answer, where it was the server that refused (not the plan). */
  | { readonly status: 'refused'; readonly reason: string; readonly httpStatus?: number }
  | { readonly status: 'pending'; readonly reason: string };

export interface EntryReport {
  readonly fullUrl: string;
  readonly kind: WriteKind;
  readonly label: string;
  readonly outcome: EntryOutcome;
}

/**
 * `saved`: everything written. `partly-saved`: some entries refused, none pending. `pending`: some entries
 * could not be written yet (server or network trouble) and should be re-sent. `session-expired`: the
 * session must be renewed (re-launch) before anything more can be written; nothing was lost.
 */
export type SaveStatus = 'saved' | 'partly-saved' | 'pending' | 'session-expired';

export interface SaveReport {
  readonly status: SaveStatus;
  readonly entries: readonly EntryReport[];
  /** HTTP requests sent, retries and look-ups included. */
  readonly roundTrips: number;
  /** Interactions the server refused as such (403/405) in this save, for the tab's RefusalMemory. */
  readonly refusedInteractions?: readonly RememberedRefusal[];
  /** As in the WriteSet: the copy kept in progress stays in the record beside the completed one. */
  readonly earlierCopyKept?: boolean;
}
