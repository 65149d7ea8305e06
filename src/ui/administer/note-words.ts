import type { NoteWords } from '../../fhir/resources/clinical-note';
import type { RuptureNoteWords } from '../../fhir/resources/rupture-clinical-note';
import { defaultScoringConfig, type ScoringConfig } from '../../core/config';
import { dashboardMessages, dashboardMessagesFor } from '../i18n/dashboard';
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

/** The rupture note's clinical-note words in the clinician's language, with the chart's names of the kinds. */
export function ruptureNoteWords(language: Language): RuptureNoteWords {
  const m = dashboardMessages[language];
  const { title, kind, addressed, yes, no, recordAttached } = m.ruptureNote;
  return {
    language,
    heading: m.note.heading,
    title,
    date: m.note.date,
    kindLabel: kind,
    kind: m.status.rupture.kind,
    addressedLabel: addressed,
    yes,
    no,
    recordAttached,
  };
}
