// What an instrument is, independent of FHIR and of any UI. The published Questionnaires, the forms
// and the scoring are all derived from these definitions.

export type InstrumentId = 'ors' | 'srs' | 'cors' | 'csrs' | 'wai-sr';

/** Outcome instruments track how the client is doing; alliance ones how the work together is going. */
export type InstrumentKind = 'outcome' | 'alliance' | 'alliance-inventory';

/** 18+ adult, 13–17 adolescent, 6–12 child, under 6 young child (not scored). */
export type AgeBand = 'adult' | 'adolescent' | 'child' | 'young-child';

/** Every language the product ships, the source language (the Questionnaires' base text) first. */
export const languages = ['en', 'es'] as const;

export type Language = (typeof languages)[number];

/** Text in every language the product ships. */
export type LocalizedText = Readonly<Record<Language, string>>;

export type WaiSubscale = 'task' | 'bond' | 'goal';

/** A 10 cm line; answers are whole millimetres 0–100 (shown and scored as points, mm / 10). */
export interface RatingLineItem {
  readonly kind: 'rating-line';
  /** Stable code in the project CodeSystem, e.g. `ors-individual`. */
  readonly code: string;
  /** linkId in the Questionnaire and its responses, e.g. `ors-1`. */
  readonly linkId: string;
  readonly number: number;
  readonly label: LocalizedText;
  /** The parenthetical gloss under the heading (ORS) where the form has one. */
  readonly gloss?: LocalizedText;
  /** Words at the left (low) and right (high) ends of the line, where the form has them. */
  readonly lowerAnchor?: LocalizedText;
  readonly upperAnchor?: LocalizedText;
}

/** A statement rated on labelled options (WAI-SR: 1 Seldom … 5 Always). */
export interface LikertItem {
  readonly kind: 'likert';
  readonly code: string;
  readonly linkId: string;
  readonly number: number;
  readonly text: LocalizedText;
  readonly subscale: WaiSubscale;
}

export type Item = RatingLineItem | LikertItem;

export interface LikertOption {
  readonly value: number;
  readonly code: string;
  readonly label: LocalizedText;
}

export type Scale =
  | { readonly type: 'rating-line'; readonly minMm: 0; readonly maxMm: 100 }
  | { readonly type: 'likert'; readonly options: readonly LikertOption[] };

export interface SubscaleDefinition {
  readonly id: WaiSubscale;
  readonly code: string;
  readonly label: LocalizedText;
  /** Item numbers (1-based) that sum to this subscale. */
  readonly itemNumbers: readonly number[];
}

export interface Instrument {
  readonly id: InstrumentId;
  readonly kind: InstrumentKind;
  readonly title: LocalizedText;
  readonly shortName: string;
  /** Business version of the published Questionnaire. */
  readonly version: string;
  readonly administeredAt: 'session-start' | 'session-end' | 'periodic';
  /** Age bands the instrument is meant for; scoring refuses others. */
  readonly ageBands: readonly AgeBand[];
  readonly instructions: LocalizedText;
  readonly items: readonly Item[];
  readonly scale: Scale;
  readonly subscales: readonly SubscaleDefinition[];
  /** Range of the total score in points. */
  readonly totalRange: { readonly min: number; readonly max: number };
  readonly copyright: LocalizedText;
  /** SNOMED CT code of the total score, where one exists (verify before release). */
  readonly snomed?: { readonly code: string; readonly display: string };
}
