// Write sets for tests: real responses (the app's own builder), real scores (the core's), real
// Questionnaires (the published generator).
import { defaultScoringConfig } from '../../src/core/config';
import { instruments } from '../../src/core/instruments';
import type { InstrumentId } from '../../src/core/instruments/types';
import type { Administration, RuleDecision } from '../../src/core/model';
import { buildQuestionnaire } from '../../src/fhir/questionnaire';
import type { NoteWords } from '../../src/fhir/resources/clinical-note';
import type { ScoreForm } from '../../src/fhir/resources/observations';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import type { WriteSet } from '../../src/fhir/write/types';
import { buildWriteSet, type ActiveFlagOnServer } from '../../src/fhir/write/write-set';

export const PATIENT = 'Patient/p1';
export const CLINICIAN = 'Practitioner/c1';

export function administration(instrument: InstrumentId, n: number, mm: number): Administration {
  const answers = Object.fromEntries(
    instruments[instrument].items.map((item) => [item.linkId, instrument === 'wai-sr' ? 3 : mm]),
  );
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    id: `resp-${instrument}-${n}`,
    instrument,
    authored: `2025-03-${day}T10:00:00+01:00`,
    status: 'completed',
    answers,
  };
}

export function decision(rule: RuleDecision['rule'], evidence: readonly string[]): RuleDecision {
  return { rule, ruleVersion: '1', severity: 'medium', flag: true, thresholds: { srsCutoff: 36 }, evidence, facts: {} };
}

export interface FixtureOptions {
  /** Decisions that hold after this administration (the assessment's). */
  readonly create?: readonly RuleDecision[];
  /** Active Flags on the server; those whose rule is not among `create` are ended. */
  readonly end?: readonly ActiveFlagOnServer[];
  readonly publish?: boolean;
  readonly patient?: string;
  /** The record the save was built on (the Flags' identifier basis); one of its own per administration when omitted. */
  readonly builtOn?: string;
  readonly scoreForm?: ScoreForm;
  readonly organization?: fhir4.Reference;
  /** The clinical note's words (the note is built only with them). */
  readonly noteWords?: NoteWords;
}

export function writeSetFor(a: Administration, options: FixtureOptions = {}): WriteSet {
  const instrument = instruments[a.instrument];
  const patient = options.patient ?? PATIENT;
  const response = buildQuestionnaireResponse(instrument, a, {
    subject: patient,
    author: CLINICIAN,
    source: patient,
    identifierValue: a.id,
  });
  return buildWriteSet({
    response,
    administration: a,
    assessment: {
      decisions: options.create ?? [],
      config: defaultScoringConfig,
      outcome: { cutoff: 25 },
      alliance: { cutoff: 36 },
    },
    activeFlags: options.end ?? [],
    builtOn: options.builtOn ?? `before-${a.id}`,
    evidenceReference: (id) => `QuestionnaireResponse/${id}`,
    ...(options.publish ? { questionnaire: buildQuestionnaire(instrument) } : {}),
    ...(options.noteWords ? { noteWords: options.noteWords } : {}),
    context: {
      patient,
      clinician: CLINICIAN,
      clientRated: true,
      recorded: '2025-03-04T09:30:00Z',
      app: { name: 'Therapy Feedback', version: '0.1.0' },
      ...(options.scoreForm ? { scoreForm: options.scoreForm } : {}),
      ...(options.organization ? { organization: options.organization } : {}),
    },
  });
}
