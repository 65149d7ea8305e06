// What a server refused in this tab, so that later saves do not ask again. A CapabilityStatement cannot say
// everything: an EHR that lists Observation create for vital signs refuses a survey score, and only its
// answer tells. Kept in session storage (per tab), keyed by FHIR base + resource type + interaction, and
// read back through zod like anything else from storage: an edited entry is dropped, never trusted.
import { z } from 'zod';
import { keysWith, safeJson } from './outbox';
import type { RememberedRefusal, SaveReport } from './types';

type MemoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'therapy-feedback.server-refused.';
const storedSchema = z.object({
  resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/),
  interaction: z.enum(['create', 'update']),
  reason: z.string().min(1).max(500),
});

export class RefusalMemory {
  private readonly prefix: string;

  constructor(
    private readonly storage: MemoryStorage,
    fhirBase: string,
  ) {
    this.prefix = `${PREFIX}${fhirBase.replace(/\/+$/, '')}|`;
  }

  /** This server's refusals; an entry that no longer reads as one is removed. */
  recall(): RememberedRefusal[] {
    return keysWith(this.storage, this.prefix).flatMap((key) => {
      const parsed = storedSchema.safeParse(safeJson(this.storage.getItem(key)));
      const expected = parsed.success
        ? `${this.prefix}${parsed.data.resourceType}|${parsed.data.interaction}`
        : undefined;
      if (parsed.success && expected === key) return [parsed.data];
      this.storage.removeItem(key);
      return [];
    });
  }

  /** Remembers every interaction the server refused as such in this save. */
  learn(report: SaveReport): void {
    for (const refusal of report.refusedInteractions ?? []) {
      const stored: RememberedRefusal = { ...refusal, reason: refusal.reason.slice(0, 500) };
      this.storage.setItem(`${this.prefix}${refusal.resourceType}|${refusal.interaction}`, JSON.stringify(stored));
    }
  }
}
