// The clinical note: what reaches the chart of an EHR that takes no score Observations or Flags from apps.
// One DocumentReference per administration, after US Core's clinical-notes guidance: status current, a LOINC
// note type, category clinical-note, subject, encounter when known, date, author. Its first attachment is the
// text a clinician reads in the EHR's note viewer, in the clinician's language; its second is the
// QuestionnaireResponse itself, so that the answers are in the record even where the response cannot be.
//
// Type 11506-3 "Progress note": the measures are taken in a therapy session and belong with that session's
// progress documentation; it is one of the common clinical note types US Core asks servers to support (so an
// EHR maps it to a note type it shows), unlike a narrower LOINC code a server may not map.
import { instruments } from '../../core/instruments';
import type { Administration, RuleCode, Score } from '../../core/model';
import type { AllianceStatus, OutcomeStatus } from '../../core/assess';
import type { Language, WaiSubscale } from '../../core/instruments/types';
import { IDENTIFIER_SYSTEMS } from '../codes';
import { utf8ToBase64 } from '../encoding/base64';

export const LOINC_URL = 'http://loinc.org';
export const PROGRESS_NOTE = { system: LOINC_URL, code: '11506-3', display: 'Progress note' } as const;
export const US_CORE_DOCUMENT_CATEGORY_URL =
  'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';
export const NOTE_TEXT_TYPE = 'text/plain; charset=utf-8';
/** The carried resource's attachment (the response, or a rupture note's Observation). */
export const NOTE_FHIR_TYPE = 'application/fhir+json';

/** The words of a note, in the clinician's language (the UI builds them from its translations). */
export interface NoteWords {
  /** BCP 47, e.g. `en` or `es`. */
  readonly language: Language;
  readonly heading: string;
  readonly date: string;
  readonly total: string;
  readonly subscales: string;
  readonly changeSinceIntake: string;
  readonly notScored: string;
  readonly outcome: string;
  readonly alliance: string;
  readonly alerts: string;
  readonly noAlerts: string;
  readonly nextStep: string;
  readonly answersAttached: string;
  readonly outcomeStatus: Readonly<Record<OutcomeStatus, string>>;
  readonly allianceStatus: Readonly<Record<AllianceStatus, string>>;
  readonly subscale: Readonly<Record<WaiSubscale, string>>;
  readonly rules: Readonly<Record<RuleCode, { readonly title: string; readonly next: string }>>;
}

/** What the note says about the client once this administration is counted. */
export interface NoteFindings {
  readonly score?: Score;
  readonly outcome: {
    readonly status?: OutcomeStatus;
    readonly change?: { readonly sinceIntake: number };
    readonly intake?: { readonly total: number };
  };
  readonly alliance: { readonly status?: AllianceStatus };
  readonly decisions: readonly { readonly rule: RuleCode }[];
}

export interface NoteContext {
  readonly patient: string;
  readonly encounter?: string;
  readonly clinician?: string;
  /** The instant of the save (DocumentReference.date). */
  readonly recorded: string;
  /** The response's identifier value: the note's identifier, so that a retry finds it. */
  readonly key: string;
  readonly words: NoteWords;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function scoreLines(findings: NoteFindings, w: NoteWords, maxTotal: number): string[] {
  const { score } = findings;
  if (!score) return [w.notScored];
  const lines = [`${w.total}: ${score.total} / ${maxTotal}`];
  if (score.subscales.length > 0)
    lines.push(`${w.subscales}: ${score.subscales.map((s) => `${w.subscale[s.id]} ${s.mean.toFixed(2)}`).join(', ')}`);
  return lines;
}

function statusLines(findings: NoteFindings, w: NoteWords): string[] {
  const { outcome, alliance } = findings;
  const lines: string[] = [];
  if (outcome.change && outcome.intake)
    lines.push(`${w.changeSinceIntake}: ${signed(outcome.change.sinceIntake)} (${outcome.intake.total})`);
  if (outcome.status && outcome.status !== 'no-data') lines.push(`${w.outcome}: ${w.outcomeStatus[outcome.status]}`);
  if (alliance.status && alliance.status !== 'no-data')
    lines.push(`${w.alliance}: ${w.allianceStatus[alliance.status]}`);
  return lines;
}

function alertLines(findings: NoteFindings, w: NoteWords): string[] {
  if (findings.decisions.length === 0) return [`${w.alerts}: ${w.noAlerts}`];
  return [
    `${w.alerts}:`,
    ...findings.decisions.map(({ rule }) => `- ${w.rules[rule].title}. ${w.nextStep}: ${w.rules[rule].next}`),
  ];
}

/** The note's text: what the clinician reads in the EHR. */
export function noteText(administration: Administration, findings: NoteFindings, words: NoteWords): string {
  const instrument = instruments[administration.instrument];
  const title = instrument.title[words.language];
  const maxTotal = instrument.kind === 'alliance-inventory' ? 60 : 40;
  return [
    words.heading,
    `${title} (${instrument.shortName})`,
    `${words.date}: ${noteDateTime(administration.authored)}`,
    ...scoreLines(findings, words, maxTotal),
    ...statusLines(findings, words),
    ...alertLines(findings, words),
    '',
    words.answersAttached,
  ].join('\n');
}

/** A note's date and time as the note's text shows it (the offset's own wall clock). */
export const noteDateTime = (dateTime: string): string => dateTime.slice(0, 16).replace('T', ' ');

/**
 * What every clinical note of the app has: identifier, status, type, category, subject, date, author, and the
 * period it is about from `start` (the session's time).
 */
export function noteShell(ctx: Omit<NoteContext, 'words'>, description: string, start: string) {
  return {
    resourceType: 'DocumentReference',
    identifier: [{ system: IDENTIFIER_SYSTEMS.clinicalNote, value: ctx.key }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ ...PROGRESS_NOTE }], text: PROGRESS_NOTE.display },
    category: [
      { coding: [{ system: US_CORE_DOCUMENT_CATEGORY_URL, code: 'clinical-note', display: 'Clinical Note' }] },
    ],
    subject: { reference: ctx.patient },
    date: ctx.recorded,
    ...(ctx.clinician ? { author: [{ reference: ctx.clinician }] } : {}),
    description,
    context: {
      ...(ctx.encounter ? { encounter: [{ reference: ctx.encounter }] } : {}),
      period: { start },
    },
  } as const satisfies Omit<fhir4.DocumentReference, 'content'>;
}

/** The note's attachments: its text in the clinician's language, then the FHIR resource it carries. */
export function noteContent(
  text: { readonly data: string; readonly language: string; readonly title: string },
  carried: { readonly resource: fhir4.Resource; readonly title: string },
): fhir4.DocumentReferenceContent[] {
  return [
    {
      attachment: {
        contentType: NOTE_TEXT_TYPE,
        language: text.language,
        data: utf8ToBase64(text.data),
        title: text.title,
      },
    },
    {
      attachment: {
        contentType: NOTE_FHIR_TYPE,
        data: utf8ToBase64(JSON.stringify(carried.resource)),
        title: carried.title,
      },
    },
  ];
}

/** The DocumentReference of one administration, with the response as its second attachment. */
export function buildClinicalNote(
  administration: Administration,
  findings: NoteFindings,
  response: fhir4.QuestionnaireResponse,
  ctx: NoteContext,
): fhir4.DocumentReference {
  const instrument = instruments[administration.instrument];
  const description = `Therapy Feedback: ${instrument.shortName} ${administration.authored.slice(0, 10)}`;
  return {
    ...noteShell(ctx, description, administration.authored),
    content: noteContent(
      { data: noteText(administration, findings, ctx.words), language: ctx.words.language, title: description },
      { resource: response, title: `${instrument.shortName} QuestionnaireResponse` },
    ),
  };
}
