// The write plan: how to send a save to this server, chosen from what its CapabilityStatement says and
// what the granted scopes allow. An EHR that refuses part of it still gets the rest, and a plain sentence
// for the part it refused.
import { scopesAllow, serverSupports, type ServerCapabilities } from '../capabilities';
import { WRITE_KINDS, type WriteKind, type WriteMode, type WritePlan } from './types';

const kindTarget: Readonly<Record<WriteKind, { readonly resourceType: string; readonly action: 'create' | 'update' }>> = {
  questionnaire: { resourceType: 'Questionnaire', action: 'create' },
  response: { resourceType: 'QuestionnaireResponse', action: 'create' },
  observation: { resourceType: 'Observation', action: 'create' },
  'flag-create': { resourceType: 'Flag', action: 'create' },
  'flag-end': { resourceType: 'Flag', action: 'update' },
  provenance: { resourceType: 'Provenance', action: 'create' },
};

function refusal(kind: WriteKind, caps: ServerCapabilities): string | undefined {
  const { resourceType, action } = kindTarget[kind];
  const verb = action === 'create' ? 'write' : 'update';
  if (!scopesAllow(caps.scopes, resourceType, action)) return `not saved: no permission to ${verb} ${resourceType}`;
  if (!serverSupports(caps, resourceType, action)) return `not saved: this server does not accept ${resourceType} ${action}s`;
  return undefined;
}

function modeFor(caps: ServerCapabilities): WriteMode {
  if (caps.transaction) return 'transaction';
  return caps.batch ? 'batch' : 'individual';
}

/**
 * One transaction when the server takes them, else batches, else one request each (in a safe order).
 * Creates are conditional only when every type the app creates declares conditional create: one rule for
 * the whole save keeps retries simple, and a server that honours it for some types only is rare.
 */
export function planWrites(caps: ServerCapabilities): WritePlan {
  const refused = WRITE_KINDS.flatMap((kind) => {
    const reason = refusal(kind, caps);
    return reason === undefined ? [] : [{ kind, reason }];
  });
  const created = new Set(WRITE_KINDS.filter((k) => kindTarget[k].action === 'create' && !refused.some((r) => r.kind === k)).map((k) => kindTarget[k].resourceType));
  const conditionalCreate = [...created].every((type) => caps.resources[type]?.conditionalCreate === true);
  return { mode: modeFor(caps), conditionalCreate, batchSearch: caps.batch, refused };
}
