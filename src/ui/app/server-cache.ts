import { z } from 'zod';
import { capabilityStatementSchema } from '../../fhir/schemas/capability-statement';
import { questionnaireSchema } from '../../fhir/schemas/questionnaire';
import type { OutboxStorage } from '../../fhir/write';
import { readJson } from '../stored';

// A server's fixed data, kept for the tab (session storage, keyed by the FHIR base URL): the
// CapabilityStatement (tens of kilobytes) and our Questionnaires change with server releases, not between
// launches, so a relaunch in the same tab skips those reads. Storage is outside the app's control: what is
// read back is validated like a fresh answer, and anything else is ignored (and fetched again).

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
