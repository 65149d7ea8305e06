// A save kept in the Outbox was built against the Flags of the load before it; by the time it is re-sent, a
// newer save may have raised or ended some, or its own Flags may have landed. Before a re-send its Flag part
// is replaced by one built against the newest load. Everything else stays as first built (same identifiers,
// same recorded time), so the re-send is still a re-send of the same save.
import type { WriteEntry, WriteSet } from './types';

const isFlag = (e: WriteEntry): boolean => e.kind === 'flag-create' || e.kind === 'flag-end';

/** The Provenance, now naming the fresh Flag entries instead of the stale ones. */
function retarget(provenance: WriteEntry, stale: ReadonlySet<string>, flags: readonly WriteEntry[]): WriteEntry {
  const resource = provenance.resource as fhir4.Provenance;
  const target = [
    ...resource.target.filter((t) => t.reference === undefined || !stale.has(t.reference)),
    ...flags.map((f): fhir4.Reference => ({ reference: f.fullUrl })),
  ];
  const retargeted: fhir4.Provenance = { ...resource, target };
  return { ...provenance, resource: retargeted };
}

/** `kept` with the Flag entries of `fresh` (the same administration prepared again on the newest load). */
export function withFreshFlags(kept: WriteSet, fresh: WriteSet): WriteSet {
  if (fresh.key !== kept.key) throw new Error('withFreshFlags: the fresh write set is of another save');
  const flags = fresh.entries.filter(isFlag);
  const stale = new Set(kept.entries.filter(isFlag).map((e) => e.fullUrl));
  const rest = kept.entries.filter((e) => !isFlag(e));
  // The Flags go just before the Provenance that names them (a write set has one, last).
  if (!rest.some((e) => e.kind === 'provenance')) return { key: kept.key, entries: [...rest, ...flags] };
  return {
    key: kept.key,
    entries: rest.flatMap((e) => (e.kind === 'provenance' ? [...flags, retarget(e, stale, flags)] : [e])),
  };
}
