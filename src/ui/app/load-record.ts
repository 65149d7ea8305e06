import { assessClient } from '../../core/assess';
import { ScoredAhead } from '../../core/series/score-all';
import type { ScoringConfig } from '../../core/config';
import type { InstrumentMapping } from '../../fhir/instrument-mappings';
import { ruptureNoteOf } from '../../fhir/resources/rupture-note';
import { detectCapabilities } from '../../fhir/capabilities';
import { TransportError, type FhirResponse, type FhirTransport } from '../../fhir/gateway/types';
import { loadHistory, type History } from '../../fhir/load';
import { activeFlagsOf, planWrites, retireDuplicateFlags, type OutboxStorage } from '../../fhir/write';
import { fail } from '../../core/result';
import { failed, type Failure, type Outcome } from '../failure';
import {
  capabilityStatementCache,
  questionnaireCache,
  type QuestionnairesFound,
  rememberQuestionnaires,
  rememberStatement,
} from './server-cache';
import type { LaunchContext } from './launch-context';
import type { LoadedRecord } from './record';
import { unsavedAdministrations } from './unsaved';

export interface LoadOptions {
  /** The organisation's thresholds (smart-launch.json `scoring`); the defaults when absent. */
  readonly scoring?: ScoringConfig;
  /** smart-launch.json `instrumentMappings`: how other systems' forms are read. */
  readonly mappings?: readonly InstrumentMapping[];
  /** Where the Outbox keeps unsaved work (sessionStorage in the app): those responses are shown too. */
  readonly storage?: OutboxStorage;
}

/** The server's statement and what it says the app may do: read as soon as it arrives, while a long history still loads. */
async function readStatement(transport: FhirTransport, cached: unknown, grantedScopes: LaunchContext['grantedScopes']) {
  const metadata: FhirResponse = cached
    ? { status: 200, headers: {}, body: cached }
    : await transport.send({ method: 'GET', url: 'metadata' });
  return {
    metadata,
    capabilities: metadata.status >= 400 ? undefined : detectCapabilities(metadata.body, grantedScopes),
  };
}

/**
 * The history and the CapabilityStatement are fetched side by side, so the first chart waits for the
 * slower of the two, not their sum (DESIGN.md §5: at most two round trips after the token). A statement
 * or Questionnaires this tab already read from the server are not fetched again.
 */
export async function loadRecord(
  transport: FhirTransport,
  launch: LaunchContext,
  options: LoadOptions = {},
): Promise<Outcome<LoadedRecord>> {
  try {
    const { storage } = options;
    const cached = storage ? capabilityStatementCache.read(storage, transport.baseUrl) : undefined;
    const knownQuestionnaires = storage ? questionnaireCache.read(storage, transport.baseUrl) : undefined;
    // A long history's pages are scored as each arrives, while the next is on its way.
    let ahead: ScoredAhead | undefined;
    // The history first: it takes longer, so the statement's request, sent just after, is answered within it.
    const [history, { metadata, capabilities }] = await Promise.all([
      loadHistory(transport, {
        patientId: launch.patientId,
        now: Date.now(),
        onEarlyPage: ({ patient, administrations }) => {
          ahead ??= new ScoredAhead(patient?.birthDate);
          ahead.add(administrations);
        },
        ...(options.mappings ? { mappings: options.mappings } : {}),
        ...(knownQuestionnaires ? { knownQuestionnaires } : {}),
      }),
      readStatement(transport, cached, launch.grantedScopes),
    ]);
    if (!capabilities) return failed('server-error', { params: { detail: String(metadata.status) }, retry: true });
    if (capabilities.unsupportedReason) {
      // The body already names the version; the reason adds something only when the statement was unreadable.
      const details = capabilities.fhirVersion ? [] : [capabilities.unsupportedReason];
      return failed('unsupported-fhir', { params: { version: capabilities.fhirVersion || '?' }, details });
    }
    if (!cached && storage) rememberStatement(storage, transport.baseUrl, metadata);
    if (!knownQuestionnaires && storage) rememberQuestionnaires(storage, transport.baseUrl, questionnairesOf(history));
    // Twin Flags of one rule (saves that raced) are ended in the background; the chart shows one either way.
    void retireDuplicateFlags(
      transport,
      activeFlagsOf(history.flags),
      planWrites(capabilities),
      new Date().toISOString(),
    );
    const unsaved = options.storage
      ? unsavedAdministrations(options.storage, launch.patientId, history.administrations)
      : [];
    const assessment = assessClient({
      administrations: [...history.administrations, ...unsaved].map((a) => a.administration),
      ...birthDateOf(history.patient),
      ...(options.scoring ? { config: options.scoring } : {}),
      ruptureNotes: history.observations.flatMap((o) => ruptureNoteOf(o) ?? []),
      ...(ahead ? { scoredAhead: ahead } : {}),
    });
    const fromTabCache = { statement: cached !== undefined, questionnaires: knownQuestionnaires !== undefined };
    return { ok: true, value: { history, capabilities, assessment, unsaved, fromTabCache } };
  } catch (error) {
    return fail(transportFailure(error));
  }
}

/** The history's Questionnaire search as the tab cache weighs it. */
function questionnairesOf(history: History): QuestionnairesFound {
  const isQuestionnaire = (r: { readonly resourceType: string }) => r.resourceType === 'Questionnaire';
  return {
    items: history.questionnaires,
    unreadable: history.unreadable.filter(isQuestionnaire),
    complete: !history.failures.some(isQuestionnaire),
  };
}

function birthDateOf(patient: { birthDate?: string } | undefined): { birthDate?: string } {
  return patient?.birthDate ? { birthDate: patient.birthDate } : {};
}

function transportFailure(error: unknown): Failure {
  if (!(error instanceof TransportError)) throw error;
  if (error.kind === 'session-expired') return { kind: 'session-expired' };
  return {
    kind: 'unreachable',
    params: { detail: error.kind === 'timeout' ? 'timeout' : 'network error' },
    retry: true,
  };
}
