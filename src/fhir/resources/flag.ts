// A rule decision as a FHIR Flag: a prompt to talk with the client, never a diagnosis. At most one active
// Flag per patient and rule (core reconcileFlags decides which to raise and end); each names the rule, its
// version and thresholds, and points at its evidence.
import type { ScoringConfig } from '../../core/config';
import type { RuleCode, RuleDecision } from '../../core/model';
import { ruleWording } from '../../core/rules/wording';
import { CODE_SYSTEM_URL, EXTENSIONS, FLAG_CATEGORY_URL, ruleCode } from '../codes';
import { flagIdentifier } from './identity';

/** What the Flag says to the clinician (in English, like the CodeSystem): what holds, then a prompt to talk together. */
export function flagText(rule: RuleCode, config: ScoringConfig): string {
  const { meaning, next } = ruleWording(rule, 'en', config);
  return `${meaning} ${next}`;
}

export interface FlagContext {
  /** e.g. `Patient/123` */
  readonly patient: string;
  readonly encounter?: string;
  /** The clinician (fhirUser) raising it. */
  readonly clinician?: string;
  /** When the condition was found to hold (the triggering response's `authored`). */
  readonly start: string;
  /** References of the evidence (QuestionnaireResponses or Observations), oldest first. */
  readonly evidence: readonly string[];
  /**
   * The record the save was built on (the write side's `recordBasis` of the administrations the server held
   * when it was loaded). Saves built on the same load raise a rule under one identifier.
   */
  readonly builtOn: string;
  /** The thresholds in force, quoted in the Flag's text. */
  readonly config: ScoringConfig;
}

function ruleExtension(decision: RuleDecision): fhir4.Extension {
  const thresholds = Object.entries(decision.thresholds).map(([name, value]): fhir4.Extension => ({
    url: 'threshold',
    extension: [
      { url: 'name', valueString: name },
      { url: 'value', valueDecimal: value },
    ],
  }));
  return {
    url: EXTENSIONS.flagRule,
    extension: [
      { url: 'rule', valueCode: ruleCode(decision.rule) },
      { url: 'version', valueString: decision.ruleVersion },
      { url: 'severity', valueCode: decision.severity },
      ...thresholds,
    ],
  };
}

/**
 * A new active Flag. Its identifier derives from the patient, the rule and the record the save was built on,
 * not from the new administration: a retried save finds the Flag it already wrote, and two saves built on
 * the same load (two tabs, a double submit) raising the same rule make one Flag under conditional create.
 * A later re-raise, after the first Flag ended, is built on a newer record and so gets a new identifier.
 */
export function buildFlag(decision: RuleDecision, ctx: FlagContext): fhir4.Flag {
  return {
    resourceType: 'Flag',
    identifier: [flagIdentifier(ctx.patient, decision.rule, ctx.builtOn)],
    extension: [
      ...ctx.evidence.map((reference): fhir4.Extension => ({
        url: EXTENSIONS.flagDetail,
        valueReference: { reference },
      })),
      ruleExtension(decision),
    ],
    status: 'active',
    category: [
      { coding: [{ system: FLAG_CATEGORY_URL, code: 'behavioral', display: 'Behavioral' }] },
      { coding: [{ system: FLAG_CATEGORY_URL, code: 'clinical', display: 'Clinical' }] },
    ],
    code: {
      coding: [{ system: CODE_SYSTEM_URL, code: ruleCode(decision.rule) }],
      text: flagText(decision.rule, ctx.config),
    },
    subject: { reference: ctx.patient },
    period: { start: ctx.start },
    ...(ctx.encounter ? { encounter: { reference: ctx.encounter } } : {}),
    ...(ctx.clinician ? { author: { reference: ctx.clinician } } : {}),
  };
}

/** The same Flag, ended: a later response cleared its condition. */
export function endFlag(flag: fhir4.Flag, at: string): fhir4.Flag {
  return { ...flag, status: 'inactive', period: { ...flag.period, end: at } };
}
