// Everything one save writes, built once before the first attempt: the response, its score Observation,
// the Flag changes the rules call for, the clinical note (sent where the plan needs it), a Provenance, and
// (where allowed) our Questionnaire. Every fullUrl and identifier derives from the response's identifier,
// so rebuilding after a reload yields the same set.
import type { ScoringConfig } from '../../core/config';
import { instruments } from '../../core/instruments';
import type { Instrument } from '../../core/instruments/types';
import type { AgeBand } from '../../core/instruments/types';
import type { Administration, RuleCode, RuleDecision } from '../../core/model';
import { reconcileFlags } from '../../core/flags/reconcile';
import { scoreAdministration } from '../../core/scoring';
import { buildClinicalNote, type NoteFindings, type NoteWords } from '../resources/clinical-note';
import { buildFlag, endFlag } from '../resources/flag';
import { deterministicUuid, fullUrlFor, provenanceTag, tokenSearch, type IdentifierToken } from '../resources/identity';
import { buildObservations, type ScoreForm } from '../resources/observations';
import { buildProvenance } from '../resources/provenance';
import type { WriteEntry, WriteSet } from './types';

/** An active Flag as read from the server, with the rule it carries. */
export interface ActiveFlagOnServer {
  readonly id: string;
  readonly rule: RuleCode;
  readonly resource: fhir4.Flag;
}

export interface SaveContext {
  /** e.g. `Patient/123` */
  readonly patient: string;
  readonly encounter?: string;
  /** The signed-in clinician (fhirUser), e.g. `Practitioner/9`. */
  readonly clinician?: string;
  readonly clientRated: boolean;
  /** The instant of the save (Observation.issued, Provenance.recorded). */
  readonly recorded: string;
  readonly app: { readonly name: string; readonly version: string };
  /** The form of the score Observations (smart-launch.json `writeBack.scoreObservations`); `components` when omitted. */
  readonly scoreForm?: ScoreForm;
  /** The organization the clinician and the app act for: Provenance `agent.onBehalfOf` (US Core provenance-1). */
  readonly organization?: fhir4.Reference;
}

/** What a save needs of the core's ClientAssessment (after this administration); a ClientAssessment is one. */
export interface AssessmentForSave {
  readonly decisions: readonly RuleDecision[];
  /** The thresholds the decisions were made with (the Flags quote them). */
  readonly config: ScoringConfig;
  readonly outcome: { readonly cutoff?: number } & NoteFindings['outcome'];
  readonly alliance: { readonly cutoff: number } & NoteFindings['alliance'];
  readonly latestAgeBand?: AgeBand;
}

export interface WriteSetInput {
  /** The response as built by `buildQuestionnaireResponse` (with its identifier). */
  readonly response: fhir4.QuestionnaireResponse;
  readonly administration: Administration;
  /** The core's assessment of the history including this administration. */
  readonly assessment: AssessmentForSave;
  /** The patient's active Flags on the server: reconciled with the assessment's decisions. */
  readonly activeFlags: readonly ActiveFlagOnServer[];
  /** The record as loaded (`recordBasis`): the basis of Flag identifiers. */
  readonly builtOn: string;
  /** Server references of earlier administrations (by Administration id), for the flags' evidence. */
  readonly evidenceReference: (administrationId: string) => string | undefined;
  /** Our Questionnaire, to publish on the server where the scopes allow it. */
  readonly questionnaire?: fhir4.Questionnaire;
  readonly context: SaveContext;
  /** The clinical note's words in the clinician's language; without them no note is built. */
  readonly noteWords?: NoteWords;
  /**
   * The response was kept in progress earlier and the record holds it: `update` completes it in place (PUT
   * with If-Match of the version read); `new-copy` (updates refused) saves the response, built with
   * `copyIdentifierValue`, as a new resource beside it.
   */
  readonly completes?:
    { readonly mode: 'update'; readonly id: string; readonly version?: string } | { readonly mode: 'new-copy' };
}

/**
 * `builtOn` of a record: a name for the set of its administrations (sorted ids, so the server's order does not
 * matter). Any administration stored since, back-dated paper entries included, makes a new basis.
 */
export function recordBasis(administrations: readonly Administration[]): string {
  if (administrations.length === 0) return 'none';
  return deterministicUuid(
    administrations
      .map((a) => a.id)
      .sort()
      .join('|'),
  );
}

const byIdentifier = (token: IdentifierToken): string => `identifier=${encodeURIComponent(tokenSearch(token))}`;
const byCanonical = (url: string, version: string): string =>
  `url=${encodeURIComponent(url)}&version=${encodeURIComponent(version)}`;
const byTag = (tag: IdentifierToken): string => `_tag=${encodeURIComponent(tokenSearch(tag))}`;

/**
 * The search that finds a create's earlier copy, made again as the builders below make it (for an entry of
 * the save keyed `key`, read back from storage without it); undefined when nothing can make it.
 */
export function rebuiltMatch(entry: WriteEntry, key: string): string | undefined {
  if (entry.identifier) return byIdentifier(entry.identifier);
  if (entry.kind === 'provenance') return byTag(provenanceTag(key));
  const { url, version } = entry.resource as { url?: unknown; version?: unknown };
  return entry.kind === 'questionnaire' && typeof url === 'string' && typeof version === 'string'
    ? byCanonical(url, version)
    : undefined;
}

export function createEntry(
  kind: WriteEntry['kind'],
  resource: fhir4.Resource & { identifier?: fhir4.Identifier[] | fhir4.Identifier },
  label: string,
): WriteEntry {
  const identifier = Array.isArray(resource.identifier) ? resource.identifier[0] : resource.identifier;
  if (!identifier?.system || !identifier.value) throw new Error(`${resource.resourceType} built without an identifier`);
  const token = { system: identifier.system, value: identifier.value };
  return { fullUrl: fullUrlFor(token), kind, resource, match: byIdentifier(token), identifier: token, label };
}

function questionnaireEntry(questionnaire: fhir4.Questionnaire, instrument: Instrument): WriteEntry[] {
  if (!questionnaire.url || !questionnaire.version) return [];
  const match = byCanonical(questionnaire.url, questionnaire.version);
  const fullUrl = fullUrlFor({ system: questionnaire.url, value: questionnaire.version });
  // The server names what it creates; a published id would clash with a copy stored under another id.
  const { id: _publishedId, ...resource } = questionnaire;
  return [{ fullUrl, kind: 'questionnaire', resource, match, label: `the ${instrument.shortName} form definition` }];
}

/** Ends an active Flag (a version-aware update of the version read). */
export function flagEndEntry(flag: ActiveFlagOnServer, at: string): WriteEntry {
  return {
    fullUrl: `Flag/${flag.id}`,
    kind: 'flag-end',
    resource: endFlag(flag.resource, at),
    label: `ending the flag "${flag.rule}"`,
  };
}

function flagEntries(input: WriteSetInput, responseUrl: string): WriteEntry[] {
  const { administration, context } = input;
  const changes = reconcileFlags(input.assessment.decisions, input.activeFlags);
  const evidenceFor = (decision: RuleDecision): string[] =>
    decision.evidence.flatMap((id) => {
      const reference = id === administration.id ? responseUrl : input.evidenceReference(id);
      return reference === undefined ? [] : [reference];
    });
  const creates = changes.create.map((decision) =>
    createEntry(
      'flag-create',
      buildFlag(decision, {
        patient: context.patient,
        encounter: context.encounter,
        clinician: context.clinician,
        start: administration.authored,
        evidence: evidenceFor(decision),
        builtOn: input.builtOn,
        config: input.assessment.config,
      }),
      `the flag "${decision.rule}"`,
    ),
  );
  return [...creates, ...changes.end.map((flag) => flagEndEntry(flag, administration.authored))];
}

function cutoffFor(instrument: Instrument, assessment: AssessmentForSave): number | undefined {
  if (instrument.kind === 'outcome') return assessment.outcome.cutoff;
  return instrument.kind === 'alliance' ? assessment.alliance.cutoff : undefined;
}

/** The write set of one administration, in write order. An unscorable response is stored without a score. */
export function buildWriteSet(input: WriteSetInput): WriteSet {
  const { response, administration, context, assessment } = input;
  const instrument = instruments[administration.instrument];
  const scored = scoreAdministration(
    administration,
    assessment.latestAgeBand ? { ageBand: assessment.latestAgeBand } : {},
  );
  const score = scored.ok ? scored.value : undefined;
  const { completes } = input;
  const label = `the ${instrument.shortName} response`;
  const responseEntry =
    completes?.mode === 'update' ? updateEntry(response, completes, label) : createEntry('response', response, label);
  const key = administration.id;
  // The in-progress save already made a note and a Provenance under `key`: this save's own are told apart.
  const partKey = completes ? `${key}~${administration.authored}` : key;
  const observations =
    score === undefined
      ? []
      : buildObservations(score, administration, {
          patient: context.patient,
          encounter: context.encounter,
          clinician: context.clinician,
          clientRated: context.clientRated,
          issued: context.recorded,
          cutoff: cutoffFor(instrument, assessment),
          response: { reference: responseEntry.fullUrl, identifierValue: key },
          form: context.scoreForm,
        }).map((o, _i, all) =>
          createEntry(
            'observation',
            o,
            all.length === 1
              ? `the ${instrument.shortName} score`
              : `the ${instrument.shortName} score: ${o.code.text ?? ''}`,
          ),
        );
  const note = input.noteWords
    ? [
        createEntry(
          'note',
          buildClinicalNote(administration, { ...assessment, ...(score ? { score } : {}) }, response, {
            patient: context.patient,
            encounter: context.encounter,
            clinician: context.clinician,
            recorded: context.recorded,
            key: partKey,
            words: input.noteWords,
          }),
          `the clinical note of the ${instrument.shortName}`,
        ),
      ]
    : [];
  const written = [responseEntry, ...observations, ...flagEntries(input, responseEntry.fullUrl), ...note];
  const published = input.questionnaire ? questionnaireEntry(input.questionnaire, instrument) : [];
  const entries = [...published, ...written, provenanceEntry(written, partKey, responseEntry.fullUrl, context)];
  return { key, entries, ...(completes?.mode === 'new-copy' ? { earlierCopyKept: true } : {}) };
}

/** The update of a response the record holds: same server id and identifier, If-Match of the version read. */
function updateEntry(
  response: fhir4.QuestionnaireResponse,
  copy: { readonly id: string; readonly version?: string },
  label: string,
): WriteEntry {
  const { identifier } = createEntry('response', response, label);
  const resource = {
    ...response,
    id: copy.id,
    ...(copy.version ? { meta: { ...response.meta, versionId: copy.version } } : {}),
  };
  return {
    fullUrl: `QuestionnaireResponse/${copy.id}`,
    kind: 'response-update',
    resource,
    ...(identifier ? { identifier } : {}),
    label,
  };
}

/** The Provenance of a save keyed `key`: who wrote `written`, when and with what, from `source`. */
export function provenanceEntry(
  written: readonly WriteEntry[],
  key: string,
  source: string,
  context: Pick<SaveContext, 'recorded' | 'clinician' | 'organization' | 'app'>,
): WriteEntry {
  const tag = provenanceTag(key);
  return {
    fullUrl: fullUrlFor(tag),
    kind: 'provenance',
    label: 'the record of who saved this and with what',
    match: byTag(tag),
    resource: buildProvenance(
      written.map((e) => e.fullUrl),
      {
        recorded: context.recorded,
        clinician: context.clinician,
        organization: context.organization,
        app: context.app,
        source,
        tag,
      },
    ),
  };
}
