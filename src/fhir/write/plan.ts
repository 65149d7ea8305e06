// The write plan: how to send a save to this server, chosen from what its CapabilityStatement says and
// what the granted scopes allow. An EHR that refuses part of it still gets the rest, and a plain sentence
// for the part it refused; where it refuses the response, scores, alerts or a rupture note, a clinical note
// carries them.
import { scopesAllow, serverSupports, type ServerCapabilities } from '../capabilities';
import {
  WRITE_KINDS,
  type NotePlan,
  type RememberedRefusal,
  type WriteKind,
  type WriteMode,
  type WritePlan,
} from './types';

export const kindTarget: Readonly<
  Record<WriteKind, { readonly resourceType: string; readonly action: 'create' | 'update' }>
> = {
  questionnaire: { resourceType: 'Questionnaire', action: 'create' },
  response: { resourceType: 'QuestionnaireResponse', action: 'create' },
  'response-update': { resourceType: 'QuestionnaireResponse', action: 'update' },
  observation: { resourceType: 'Observation', action: 'create' },
  'flag-create': { resourceType: 'Flag', action: 'create' },
  'flag-end': { resourceType: 'Flag', action: 'update' },
  note: { resourceType: 'DocumentReference', action: 'create' },
  provenance: { resourceType: 'Provenance', action: 'create' },
  'rupture-note': { resourceType: 'Observation', action: 'create' },
};

/** What the note stands in for when it cannot be written as itself. */
export const CARRIED_BY_NOTE: readonly WriteKind[] = ['response', 'observation', 'flag-create', 'rupture-note'];

/**
 * Whether a response the record holds (kept in progress) can be completed in place: PUT with If-Match. Not
 * part of the plan's `refused`: without it, a resumed response is saved as a new copy (see `prepareSave`).
 */
export const updatesResponses = (caps: ServerCapabilities): boolean => refusal('response-update', caps) === undefined;

function refusal(
  kind: WriteKind,
  caps: ServerCapabilities,
  remembered: readonly RememberedRefusal[] = [],
): string | undefined {
  const { resourceType, action } = kindTarget[kind];
  const verb = action === 'create' ? 'write' : 'update';
  if (!scopesAllow(caps.scopes, resourceType, action)) return `not saved: no permission to ${verb} ${resourceType}`;
  if (!serverSupports(caps, resourceType, action))
    return `not saved: this server does not accept ${resourceType} ${action}s`;
  const earlier = remembered.find((r) => r.resourceType === resourceType && r.interaction === action);
  if (earlier) return `not saved: this server refused ${resourceType} ${action}s earlier (${earlier.reason})`;
  return undefined;
}

function modeFor(caps: ServerCapabilities): WriteMode {
  if (caps.transaction) return 'transaction';
  return caps.batch ? 'batch' : 'individual';
}

function notePlan(
  caps: ServerCapabilities,
  refused: readonly { readonly kind: WriteKind; readonly reason: string }[],
  remembered: readonly RememberedRefusal[],
): NotePlan {
  const cannot = refusal('note', caps, remembered);
  if (cannot) return { when: 'never', reason: cannot.replace('not saved: ', '') };
  const carried = refused.filter((r) => CARRIED_BY_NOTE.includes(r.kind));
  if (carried.length === 0)
    return {
      when: 'if-refused',
      reason: 'written only if the server refuses the response, scores, alerts or a rupture note',
    };
  const why = carried.map((r) => `${kindTarget[r.kind].resourceType}: ${r.reason.replace('not saved: ', '')}`);
  return { when: 'always', reason: `carries what cannot be written as such (${[...new Set(why)].join('; ')})` };
}

/**
 * One transaction when the server takes them, else batches, else one request each (in a safe order).
 * Creates are conditional only when every type the app creates declares conditional create: one rule for
 * the whole save keeps retries simple, and a server that honours it for some types only is rare.
 * `remembered`: what this server refused earlier in the tab, which its CapabilityStatement did not say.
 */
export function planWrites(caps: ServerCapabilities, remembered: readonly RememberedRefusal[] = []): WritePlan {
  const refused = WRITE_KINDS.filter((kind) => kind !== 'note' && kind !== 'response-update').flatMap((kind) => {
    const reason = refusal(kind, caps, remembered);
    return reason === undefined ? [] : [{ kind, reason }];
  });
  const note = notePlan(caps, refused, remembered);
  const created = new Set(
    WRITE_KINDS.filter(
      (k) =>
        kindTarget[k].action === 'create' &&
        !refused.some((r) => r.kind === k) &&
        (k !== 'note' || note.when !== 'never'),
    ).map((k) => kindTarget[k].resourceType),
  );
  const conditionalCreate = [...created].every((type) => caps.resources[type]?.conditionalCreate === true);
  return { mode: modeFor(caps), conditionalCreate, batchSearch: caps.batch, refused, note };
}
