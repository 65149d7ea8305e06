import { defaultScoringConfig, type ScoringConfig } from '../../core/config';
import type { RuleCode } from '../../core/model';
import { ruleWording, ruleWordingTables } from '../../core/rules/wording';
import { dashboardEn, type DashboardMessages } from './dashboard.en';
import { dashboardEs } from './dashboard.es';
import type { Language } from '../../core/instruments/types';

/** An alert's words for one rule: its heading, what holds (with the thresholds in force) and the next step. */
export interface RuleAlertWords {
  readonly title: string;
  readonly meaning: string;
  readonly next: string;
}

/** Every rule's alert words in a language: the rules' own wording (core/rules/wording), thresholds from `config`. */
export function ruleAlerts(language: Language, config: ScoringConfig): Readonly<Record<RuleCode, RuleAlertWords>> {
  const codes = Object.keys(ruleWordingTables[language].rules) as RuleCode[];
  return Object.fromEntries(
    codes.map((code) => {
      const { title, meaning, next } = ruleWording(code, language, config);
      return [code, { title, meaning, next }];
    }),
  ) as Record<RuleCode, RuleAlertWords>;
}

export type DashboardBundle = DashboardMessages & {
  readonly alerts: DashboardMessages['alerts'] & { readonly rule: Readonly<Record<RuleCode, RuleAlertWords>> };
};

const written: Readonly<Record<Language, DashboardMessages>> = { en: dashboardEn, es: dashboardEs };

/** The clinician view's `dashboard` namespace in both languages, its alerts quoting the organisation's thresholds. */
export function dashboardMessagesFor(config: ScoringConfig): Readonly<Record<Language, DashboardBundle>> {
  const bundle = (language: Language): DashboardBundle => ({
    ...written[language],
    alerts: { ...written[language].alerts, rule: ruleAlerts(language, config) },
  });
  return { en: bundle('en'), es: bundle('es') };
}

/** The namespace with the default thresholds (component tests, the bench). */
export const dashboardMessages = dashboardMessagesFor(defaultScoringConfig);
