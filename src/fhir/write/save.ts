// Executes a write plan for one write set, step by step, and reports per entry: saved (with its id),
// refused (with the server's reason), or pending (to re-send). Never two copies of one resource: creates
// are conditional on their identifier, or preceded by a search for it whenever an earlier attempt may
// have reached the server.
import type { FhirResponse, FhirTransport } from '../gateway/types';
import { bundleRequest, outcomeOfSingle, outcomesOfBundle, singleRequest, type Outgoing } from './requests';
import { resolveReferences, type ReferenceResolution } from './references';
import { settleStaleEnds } from './flag-end';
import { settleStaleResponses } from './response-update';
import { applyLookup } from './lookup';
import { backoffMs, pause, type Failed, type RetryOptions } from './retry';
import { isPending, send, type SaveRun } from './run';
import type { EntryOutcome, RememberedRefusal, SaveReport, WriteEntry, WriteMode, WritePlan, WriteSet } from './types';
import { CARRIED_BY_NOTE, kindTarget } from './plan';

type StepMode = 'transaction' | 'batch' | 'single';
type StepResult = 'done' | 'fallback' | 'session-expired';

function resolverFor(
  run: SaveRun,
  entry: WriteEntry,
  sameBundle: ReadonlySet<string>,
): (urn: string) => ReferenceResolution {
  return (urn) => {
    const outcome = run.outcomes.get(urn);
    if (outcome?.status === 'saved') {
      // A Provenance records which version it is about (US Core: version-specific targets where known).
      const versioned = entry.kind === 'provenance' && outcome.version !== undefined;
      return {
        to: 'reference',
        reference: versioned ? `${outcome.reference}/_history/${outcome.version}` : outcome.reference,
      };
    }
    if (sameBundle.has(urn)) return { to: 'reference', reference: urn };
    const target = run.byUrl.get(urn);
    return entry.kind !== 'provenance' && target?.identifier
      ? { to: 'identifier', identifier: target.identifier }
      : { to: 'drop' };
  };
}

const isEmptyProvenance = (resource: fhir4.Resource): boolean =>
  resource.resourceType === 'Provenance' && (resource as fhir4.Provenance).target.length === 0;

function outgoing(run: SaveRun, entries: readonly WriteEntry[], mode: StepMode): Outgoing[] {
  const sameBundle = new Set(mode === 'transaction' ? entries.map((e) => e.fullUrl) : []);
  return entries.flatMap((entry) => {
    const resource = resolveReferences(entry.resource, resolverFor(run, entry, sameBundle));
    if (isEmptyProvenance(resource)) {
      run.outcomes.set(entry.fullUrl, { status: 'refused', reason: 'nothing was saved for it to record' });
      return [];
    }
    return [{ entry, resource }];
  });
}

/** Applies an answer; 'refused-whole' when a bundle as a whole was refused (4xx on the bundle). */
function applyAnswer(
  run: SaveRun,
  items: readonly Outgoing[],
  mode: StepMode,
  response: FhirResponse,
): 'ok' | 'refused-whole' {
  const first = items[0];
  if (mode === 'single' && first) {
    run.outcomes.set(first.entry.fullUrl, outcomeOfSingle(first.entry, response));
    return 'ok';
  }
  if (response.status >= 400) return 'refused-whole';
  const outcomes = outcomesOfBundle(
    items.map((i) => i.entry),
    response,
  );
  if (!outcomes) {
    suspect(
      run,
      items.map((i) => i.entry),
    );
    return 'ok';
  }
  items.forEach((item, i) =>
    run.outcomes.set(item.entry.fullUrl, outcomes[i] ?? { status: 'pending', reason: 'no answer' }),
  );
  return 'ok';
}

async function waitOrGiveUp(run: SaveRun, attempt: number, sent: { readonly retryAfterMs?: number }): Promise<boolean> {
  if (attempt + 1 >= (run.retry.maxAttempts ?? 5)) return false;
  const wait = backoffMs(attempt, sent, run.retry);
  if (wait === undefined) return false;
  await pause(wait, run.retry);
  return true;
}

/** An attempt may have reached the server unseen: these creates must be searched for before a re-send. */
function suspect(run: SaveRun, entries: readonly WriteEntry[]): void {
  for (const entry of entries) if (entry.match) run.maybeStored.add(entry.fullUrl);
}

function markPending(run: SaveRun, entries: readonly WriteEntry[], reason: string): void {
  for (const entry of entries)
    if (isPending(run, entry)) run.outcomes.set(entry.fullUrl, { status: 'pending', reason });
}

/** Sends one step (a transaction, a batch, or a single entry) until it is settled or retries run out. */
async function runStep(run: SaveRun, step: readonly WriteEntry[], mode: StepMode): Promise<StepResult> {
  for (let attempt = 0; ; attempt++) {
    const sent = await attemptStep(run, step, mode);
    if (sent === 'settled') return 'done';
    if (sent === 'fallback') return 'fallback';
    if (sent.kind === 'unauthorized') {
      if (run.reauthorized) return 'session-expired';
      run.reauthorized = true;
      continue;
    }
    markPending(run, step, sent.reason);
    suspect(run, step);
    if (!(await waitOrGiveUp(run, attempt, sent))) return 'done';
  }
}

async function attemptStep(
  run: SaveRun,
  step: readonly WriteEntry[],
  mode: StepMode,
): Promise<Failed | 'settled' | 'fallback'> {
  if (!run.plan.conditionalCreate) {
    const looked = await applyLookup(
      run,
      [...run.byUrl.values()].filter((e) => isPending(run, e) && run.maybeStored.has(e.fullUrl)),
    );
    if (looked !== 'ok') return looked;
  }
  const items = outgoing(
    run,
    step.filter((e) => isPending(run, e)),
    mode,
  );
  const first = items[0];
  if (!first) return 'settled';
  const request =
    mode === 'single'
      ? singleRequest(first, run.plan.conditionalCreate)
      : bundleRequest(mode, items, run.plan.conditionalCreate);
  const sent = await send(run, request);
  if (sent.kind !== 'answer') return sent;
  if (applyAnswer(run, items, mode, sent.response) === 'refused-whole') {
    // Some servers apply part of a failed transaction (the sandbox engine is not atomic).
    suspect(
      run,
      items.map((i) => i.entry),
    );
    return 'fallback';
  }
  await settleStaleEnds(run, items);
  await settleStaleResponses(run, items);
  const stillPending = items.filter((i) => isPending(run, i.entry));
  if (stillPending.length === 0) return 'settled';
  return { kind: 'retry', reason: 'part of it could not be saved yet' };
}

const BATCH_STAGES: readonly (readonly WriteEntry['kind'][])[] = [
  ['questionnaire', 'response', 'response-update'],
  ['observation', 'flag-create', 'flag-end', 'note', 'rupture-note'],
  ['provenance'],
];

function stepsFor(mode: WriteMode, entries: readonly WriteEntry[]): { steps: WriteEntry[][]; stepMode: StepMode } {
  if (mode === 'transaction') return { steps: [[...entries]], stepMode: 'transaction' };
  if (mode === 'batch')
    return { steps: BATCH_STAGES.map((kinds) => entries.filter((e) => kinds.includes(e.kind))), stepMode: 'batch' };
  return { steps: entries.map((e) => [e]), stepMode: 'single' };
}

async function runMode(run: SaveRun, mode: WriteMode, entries: readonly WriteEntry[]): Promise<StepResult> {
  const { steps, stepMode } = stepsFor(mode, entries);
  for (const step of steps) {
    const result = await runStep(run, step, stepMode);
    if (result === 'session-expired') return result;
    if (result === 'fallback')
      return runMode(
        run,
        mode === 'transaction' && run.plan.batchSearch ? 'batch' : 'individual',
        entries.filter((e) => isPending(run, e)),
      );
    // Later steps refer to this one's resources: while any of them is pending, stop and keep the rest pending.
    if (step.some((e) => isPending(run, e))) return 'done';
  }
  return 'done';
}

/** Answers that refuse the interaction itself; a 400/422 about one resource's content says nothing about the next. */
const INTERACTION_REFUSED: ReadonlySet<number> = new Set([403, 405]);

/** What the server refused as an interaction (read before the note is credited with what it carries). */
function refusedInteractions(run: SaveRun, writeSet: WriteSet): RememberedRefusal[] {
  return writeSet.entries.flatMap((entry) => {
    const outcome = run.outcomes.get(entry.fullUrl);
    if (outcome?.status !== 'refused' || !INTERACTION_REFUSED.has(outcome.httpStatus ?? 0)) return [];
    return [
      { resourceType: entry.resource.resourceType, interaction: kindTarget[entry.kind].action, reason: outcome.reason },
    ];
  });
}

function report(run: SaveRun, writeSet: WriteSet, expired: boolean, refused: readonly RememberedRefusal[]): SaveReport {
  // A note the plan kept back (the rest was written as such) is no part of this save.
  const entries = writeSet.entries.flatMap((e) => {
    const outcome = run.outcomes.get(e.fullUrl);
    return outcome ? [{ fullUrl: e.fullUrl, kind: e.kind, label: e.label, outcome }] : [];
  });
  const counted = entries.filter((e) => e.kind !== 'questionnaire');
  const status = expired
    ? 'session-expired'
    : counted.some((e) => e.outcome.status === 'pending')
      ? 'pending'
      : counted.some((e) => e.outcome.status === 'refused')
        ? 'partly-saved'
        : 'saved';
  return {
    status,
    entries,
    roundTrips: run.roundTrips,
    refusedInteractions: refused,
    ...(writeSet.earlierCopyKept ? { earlierCopyKept: true } : {}),
  };
}

const isNote = (e: WriteEntry): boolean => e.kind === 'note';

/** The saved note's reference stands for what it carries and the server would not take as such. */
function creditNote(run: SaveRun, writeSet: WriteSet): void {
  const note = writeSet.entries.find(isNote);
  const saved = note ? run.outcomes.get(note.fullUrl) : undefined;
  if (saved?.status !== 'saved') return;
  for (const entry of writeSet.entries) {
    if (CARRIED_BY_NOTE.includes(entry.kind) && run.outcomes.get(entry.fullUrl)?.status === 'refused') {
      run.outcomes.set(entry.fullUrl, { status: 'saved', reference: saved.reference, inNote: true });
    }
  }
}

/** Where the plan held the note back, the server's refusal of a response, score or alert calls it in now. */
async function noteAfterRefusal(run: SaveRun, writeSet: WriteSet): Promise<StepResult> {
  const refusedByServer = writeSet.entries.some(
    (e) => CARRIED_BY_NOTE.includes(e.kind) && run.outcomes.get(e.fullUrl)?.status === 'refused',
  );
  const notes = writeSet.entries.filter(isNote);
  if (run.plan.note.when !== 'if-refused' || !refusedByServer || notes.length === 0) return 'done';
  for (const note of notes) run.outcomes.set(note.fullUrl, { status: 'pending', reason: 'not sent yet' });
  return runMode(run, run.plan.mode === 'transaction' ? 'individual' : run.plan.mode, notes);
}

function initialOutcome(
  entry: WriteEntry,
  plan: WritePlan,
  refusedKinds: ReadonlyMap<string, string>,
): EntryOutcome | undefined {
  if (isNote(entry)) return plan.note.when === 'always' ? { status: 'pending', reason: 'not sent yet' } : undefined;
  const reason = refusedKinds.get(entry.kind);
  return reason === undefined ? { status: 'pending', reason: 'not sent yet' } : { status: 'refused', reason };
}

/** Writes a write set following `plan`; resolves with a report, never rejects for server or network trouble. */
export async function saveAdministration(
  transport: FhirTransport,
  writeSet: WriteSet,
  plan: WritePlan,
  options: { readonly retry?: RetryOptions } = {},
): Promise<SaveReport> {
  const refusedKinds = new Map(plan.refused.map((r) => [r.kind, r.reason]));
  const outcomes = new Map<string, EntryOutcome>(
    writeSet.entries.flatMap((e) => {
      const outcome = initialOutcome(e, plan, refusedKinds);
      return outcome ? [[e.fullUrl, outcome] as const] : [];
    }),
  );
  const run: SaveRun = {
    transport,
    plan,
    retry: options.retry ?? {},
    outcomes,
    roundTrips: 0,
    reauthorized: false,
    // Every create may be there already: a double click, another tab, or a re-send after a reload.
    maybeStored: new Set(writeSet.entries.filter((e) => e.match).map((e) => e.fullUrl)),
    byUrl: new Map(writeSet.entries.map((e) => [e.fullUrl, e])),
  };
  let result = await runMode(
    run,
    plan.mode,
    writeSet.entries.filter((e) => isPending(run, e)),
  );
  if (result !== 'session-expired') result = await noteAfterRefusal(run, writeSet);
  const refused = refusedInteractions(run, writeSet);
  creditNote(run, writeSet);
  return report(run, writeSet, result === 'session-expired', refused);
}
