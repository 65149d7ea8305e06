// What every published artefact shares. The date is a constant, not the clock: regenerating the
// artefacts must give byte-identical files until someone deliberately cuts a new release.

/** Date of the current release of the published artefacts (Questionnaire.date, CodeSystem.date…). */
export const RELEASE_DATE = '2026-11-23';

export const PUBLISHER = 'Therapy Feedback project';

/** Business version of the CodeSystem and ValueSets; bump it when a code is added or its meaning changes. */
export const TERMINOLOGY_VERSION = '1.0.0';

export const CONTENT_LANGUAGE = 'en';
