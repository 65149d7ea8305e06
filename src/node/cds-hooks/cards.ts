import { assessClient, type ClientAssessment } from '../../core/assess';
import type { ScoringConfig } from '../../core/config';
import type { InstrumentMapping } from '../../fhir/instrument-mappings';
import type { Administration, RuleDecision, Severity } from '../../core/model';
import { ruleWording } from '../../core/rules/wording';
import { CODE_SYSTEM_URL, ruleCode } from '../../fhir/codes';
import { classifyQuestionnaires } from '../../fhir/load/classify';
import { parseQuestionnaireResponse } from '../../fhir/parse/questionnaire-response';
import { normaliseId } from '../../fhir/parse/references';
import { patientSchema } from '../../fhir/schemas/patient';
import { validate } from '../../fhir/schemas/validate';
import type { Card, CardLink, Indicator } from './card-types';
import { detailOf, evidencePoints, summaryOf } from './detail';
import { cardUuid } from './uuid';
import { cardWords } from './words';

// The service's core, pure: a client's Patient and QuestionnaireResponses in, cards out. Scoring and
// rules are the app's own (parseQuestionnaireResponse + assessClient), so a card appears exactly when
// the app shows the same alert as a Flag.

export interface CardsInput {
  readonly patientId: string;
  /** The Patient resource as received (validated here); undefined when there is none. */
  readonly patient: unknown;
  /** QuestionnaireResponse resources as received. */
  readonly responses: readonly unknown[];
  /** Our Questionnaires as the server holds them, for responses that refer to them by id. */
  readonly questionnaires?: readonly unknown[];
  /** The app's SMART launch URL, for the card's link. */
  readonly appLaunchUrl: string;
  readonly config?: ScoringConfig;
  /** The time of the call (ms since the epoch): responses authored beyond it count as unreadable. */
  readonly now?: number;
  /** smart-launch.json `instrumentMappings`: how other systems' forms are read. */
  readonly mappings?: readonly InstrumentMapping[];
}

export interface CardsAssessment {
  readonly assessment: ClientAssessment;
  /** Responses (and a Patient) that were received but could not be read. */
  readonly unreadable: number;
}

/**
 * Feedback prompts are never `critical`: EHRs reserve that level for interruptive, safety-critical
 * alerts (often a hard stop). A not-on-track or alliance alert is a reason to talk with the client, so
 * raising it to that level would overstate it and add to alert fatigue.
 */
const INDICATORS: Readonly<Record<Severity, Indicator>> = {
  high: 'warning',
  medium: 'warning',
  low: 'info',
  info: 'info',
};

function birthDateOf(patient: unknown, patientId: string): { birthDate?: string; unreadable: number } {
  if (patient === undefined || patient === null) return { unreadable: 0 };
  const checked = validate(patientSchema, patient);
  // A Patient that is not the one in context must not decide the age band.
  if (!checked.ok || (checked.value.id !== undefined && normaliseId(checked.value.id) !== patientId))
    return { unreadable: 1 };
  return checked.value.birthDate ? { birthDate: checked.value.birthDate, unreadable: 0 } : { unreadable: 0 };
}

export function assessForCards(input: CardsInput): CardsAssessment {
  const administrations: Administration[] = [];
  let unreadable = 0;
  const questionnaires = classifyQuestionnaires(input.questionnaires ?? []).items;
  for (const resource of input.responses) {
    const parsed = parseQuestionnaireResponse(resource, {
      questionnaires,
      mappings: input.mappings ?? [],
      ...(input.now === undefined ? {} : { now: input.now }),
    });
    if (!parsed.ok) unreadable++;
    // Another client's response has no place in this one's scores (the EHR's prefetch was wrong).
    else if (parsed.patientId === input.patientId) administrations.push(parsed.administration);
  }
  const patient = birthDateOf(input.patient, input.patientId);
  const assessment = assessClient({
    administrations,
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(input.config ? { config: input.config } : {}),
  });
  return { assessment, unreadable: unreadable + patient.unreadable };
}

/** Flags become cards; a recovery is worth an info card too (it clears the outcome flags). */
function isCarded(decision: RuleDecision): boolean {
  return decision.flag || decision.rule === 'outcome-recovered';
}

function appLink(input: CardsInput, decision: RuleDecision): CardLink {
  return {
    label: cardWords.openApp,
    url: input.appLaunchUrl,
    type: 'smart',
    appContext: JSON.stringify({ rule: decision.rule }),
  };
}

function ruleCard(input: CardsInput, decision: RuleDecision, { assessment, unreadable }: CardsAssessment): Card {
  const evidence = evidencePoints(decision, assessment);
  return {
    uuid: cardUuid([input.patientId, decision.rule, ...decision.evidence]),
    summary: summaryOf(decision, evidence, assessment.config),
    detail: detailOf(decision, evidence, unreadable, assessment.config),
    indicator: INDICATORS[decision.severity],
    source: {
      label: cardWords.source,
      topic: {
        system: CODE_SYSTEM_URL,
        code: ruleCode(decision.rule),
        display: ruleWording(decision.rule, 'en', assessment.config).title,
      },
    },
    links: [appLink(input, decision)],
  };
}

function unreadableCard(input: CardsInput, count: number): Card {
  return {
    uuid: cardUuid([input.patientId, 'unreadable', String(count)]),
    summary: cardWords.unreadableSummary(count),
    detail: cardWords.unreadableDetail,
    indicator: 'info',
    source: { label: cardWords.source },
    links: [{ label: cardWords.openApp, url: input.appLaunchUrl, type: 'smart' }],
  };
}

export function cardsFor(input: CardsInput): Card[] {
  const assessed = assessForCards(input);
  const cards = assessed.assessment.decisions.filter(isCarded).map((d) => ruleCard(input, d, assessed));
  return assessed.unreadable > 0 ? [...cards, unreadableCard(input, assessed.unreadable)] : cards;
}
