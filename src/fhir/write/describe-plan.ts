// The write plan said per path, for people: which resource each part of a save becomes on this server, and
// why. check-server prints it; the integrators' guide quotes it.
import { CARRIED_BY_NOTE, kindTarget } from './plan';
import type { WriteKind, WritePlan } from './types';

const PATHS: readonly { readonly kind: WriteKind; readonly path: string }[] = [
  { kind: 'response', path: 'answers' },
  { kind: 'observation', path: 'scores' },
  { kind: 'flag-create', path: 'alerts raised' },
  { kind: 'flag-end', path: 'alerts ended' },
  { kind: 'rupture-note', path: 'rupture notes' },
  { kind: 'provenance', path: 'who saved it' },
  { kind: 'questionnaire', path: 'form definition' },
];

const bare = (reason: string): string => reason.replace(/^not saved: /, '');

function pathLine(kind: WriteKind, path: string, plan: WritePlan): string {
  const { resourceType } = kindTarget[kind];
  const refused = plan.refused.find((r) => r.kind === kind);
  const carried = CARRIED_BY_NOTE.includes(kind);
  if (refused && carried && plan.note.when === 'always')
    return `${path}: clinical note (${resourceType}: ${bare(refused.reason)})`;
  if (refused) return `${path}: not written (${bare(refused.reason)})`;
  if (carried && plan.note.when === 'always')
    return `${path}: ${resourceType} where the server takes it; the clinical note carries it too`;
  if (carried && plan.note.when === 'if-refused')
    return `${path}: ${resourceType} (clinical note if the server refuses it)`;
  return `${path}: ${resourceType}`;
}

/** One line per path, then the note and how the requests go out. */
export function describePlanPaths(plan: WritePlan): string[] {
  const mode = {
    transaction: 'one transaction per save',
    batch: 'a batch per stage',
    individual: 'one request per resource',
  }[plan.mode];
  const creates = plan.conditionalCreate ? 'conditional creates (If-None-Exist)' : 'a search before each create';
  return [
    ...PATHS.map(({ kind, path }) => pathLine(kind, path, plan)),
    `clinical note (DocumentReference): ${plan.note.when === 'never' ? 'not written' : plan.note.when === 'always' ? 'one per session' : 'only on refusal'} (${plan.note.reason})`,
    `requests: ${mode}, ${creates}`,
  ];
}
