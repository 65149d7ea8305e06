import type { NoteWords } from '../../fhir/resources/clinical-note';
import type { RuptureNoteWords } from '../../fhir/resources/rupture-clinical-note';
import { dashboardMessages } from '../i18n/dashboard';
import type { UiLanguage } from '../i18n/locale';

/** The clinical note's words in the clinician's language: the same wording the clinician view uses. */
export function noteWords(language: UiLanguage): NoteWords {
  const m = dashboardMessages[language];
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
export function ruptureNoteWords(language: UiLanguage): RuptureNoteWords {
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
