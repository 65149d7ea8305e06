import { z } from 'zod';
import type { FhirResponse, FhirTransport } from '../../fhir/gateway/types';
import { ourQuestionnaireCanonicals, questionnaireSearch } from '../../fhir/load';
import { classifyQuestionnaires } from '../../fhir/load/classify';
import { matchesOf, readBundle } from '../../fhir/schemas/bundle';
import { capabilityStatementSchema } from '../../fhir/schemas/capability-statement';
import { type Questionnaire, questionnaireSchema } from '../../fhir/schemas/questionnaire';
import type { OutboxStorage } from '../../fhir/write';
import { readJson } from '../stored';

// A server's fixed data, kept for the tab (session storage, keyed by the FHIR base URL): the
// CapabilityStatement (tens of kilobytes) and our Questionnaires change with server releases, not between
// launches, so a relaunch in the same tab skips those reads. Storage is outside the app's control: what is
// read back is validated like a fresh answer, and anything else is ignored (and fetched again). A launch
// that used the tab's copy asks the server again once its first screen is up (refreshServerCache).

interface TabCache<T> {
  read(storage: OutboxStorage, baseUrl: string): T | undefined;
  remember(storage: OutboxStorage, baseUrl: string, value: unknown): void;
}

function tabCache<T>(prefix: string, schema: z.ZodType<T>): TabCache<T> {
  return {
    read(storage, baseUrl) {
      const parsed = schema.safeParse(readJson(storage, prefix + baseUrl));
      return parsed.success ? parsed.data : undefined;
    },
    remember(storage, baseUrl, value) {
      try {
        storage.setItem(prefix + baseUrl, JSON.stringify(value));
      } catch {
        // A full storage only costs the next launch a read.
      }
    },
  };
}

export const capabilityStatementCache = tabCache('tf.capability-statement:', capabilityStatementSchema);

/** Our Questionnaires as the server hosts them (those the history's Questionnaire search found). */
export const questionnaireCache = tabCache('tf.questionnaires:', z.array(questionnaireSchema).min(1));

/** What one read of our Questionnaires gave: `complete` when every page of the search answered. */
export interface QuestionnairesFound {
  readonly items: readonly Questionnaire[];
  readonly unreadable: readonly unknown[];
  readonly complete: boolean;
}

/**
 * Keeps our Questionnaires for the tab only when the search answered whole and every one it found was
 * readable: a partial copy would hide the missing ones from every later launch in the tab.
 */
export function rememberQuestionnaires(storage: OutboxStorage, baseUrl: string, found: QuestionnairesFound): void {
  if (found.complete && found.items.length > 0 && found.unreadable.length === 0)
    questionnaireCache.remember(storage, baseUrl, found.items);
}

/** The ETag the server gave with the kept statement, to ask with If-None-Match whether it still holds. */
const STATEMENT_ETAG = 'tf.capability-statement-etag:';

/** Keeps a statement the server just sent, with its ETag when it gave one. */
export function rememberStatement(storage: OutboxStorage, baseUrl: string, answer: FhirResponse): void {
  capabilityStatementCache.remember(storage, baseUrl, answer.body);
  const etag = answer.headers['etag'];
  try {
    if (etag) storage.setItem(STATEMENT_ETAG + baseUrl, etag);
    else storage.removeItem(STATEMENT_ETAG + baseUrl);
  } catch {
    // Without it the next check fetches the statement whole.
  }
}

/** Which of a launch's reads the tab's copy answered. */
export interface TabCacheUse {
  readonly statement: boolean;
  readonly questionnaires: boolean;
}

async function refreshStatement(transport: FhirTransport, storage: OutboxStorage): Promise<void> {
  const etag = storage.getItem(STATEMENT_ETAG + transport.baseUrl);
  const answer = await transport.send({
    method: 'GET',
    url: 'metadata',
    ...(etag ? { headers: { 'if-none-match': etag } } : {}),
  });
  if (answer.status === 200 && capabilityStatementSchema.safeParse(answer.body).success)
    rememberStatement(storage, transport.baseUrl, answer);
}

async function refreshQuestionnaires(transport: FhirTransport, storage: OutboxStorage): Promise<void> {
  const answer = await transport.send({ method: 'GET', url: questionnaireSearch(ourQuestionnaireCanonicals()) });
  const bundle = answer.status === 200 ? readBundle(answer.body) : undefined;
  const found = classifyQuestionnaires(bundle ? matchesOf(bundle, 'Questionnaire') : []);
  rememberQuestionnaires(storage, transport.baseUrl, { ...found, complete: bundle !== undefined });
}

/**
 * Asks the server again for what a launch took from the tab's copy, in the background once the first screen
 * is up: a server changed since (a release, a setting an integrator switched) shows from the next launch,
 * not only in a new tab. The statement is asked for with If-None-Match where the server gave an ETag, so an
 * unchanged one costs a 304. Nothing here reaches the screen; a failed read leaves the copy as it was.
 */
export async function refreshServerCache(
  transport: FhirTransport,
  storage: OutboxStorage,
  used: TabCacheUse,
): Promise<void> {
  await Promise.all([
    used.statement ? refreshStatement(transport, storage).catch(() => undefined) : undefined,
    used.questionnaires ? refreshQuestionnaires(transport, storage).catch(() => undefined) : undefined,
  ]);
}
