import type { NoteWords } from '../../fhir/resources/clinical-note';
import { defaultScoringConfig, type ScoringConfig } from '../../core/config';
import { dashboardMessagesFor } from '../i18n/dashboard';
import type { Language } from '../../core/instruments/types';

/** The clinical note's words in the clinician's language and the organisation's thresholds: the clinician view's wording. */
export function noteWords(language: Language, config: ScoringConfig = defaultScoringConfig): NoteWords {
  const m = dashboardMessagesFor(config)[language];
  const { legend } = m.chart;
  return {
    language,
    ...m.note,
    outcome: m.status.outcome,
    alliance: m.status.alliance,
    alerts: m.alerts.heading,
    noAlerts: m.alerts.none,
    nextStep: m.alerts.nextStep,
    outcomeStatus: m.status.outcomeStatus,
    allianceStatus: m.status.allianceStatus,
    subscale: { task: legend.task, bond: legend.bond, goal: legend.goal },
    rules: m.alerts.rule,
  };
}
