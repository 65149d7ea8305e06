// Every URL and code the app puts on the wire, in one place.
import type { InstrumentId, InstrumentKind } from '../core/instruments/types';
import type { RuleCode } from '../core/model';

/** Canonical base of everything the project publishes (Questionnaires, CodeSystem, ValueSets). */
export const CANONICAL_BASE = 'http://fhir.therapy-feedback.org';

export const CODE_SYSTEM_URL = `${CANONICAL_BASE}/CodeSystem/therapy-feedback`;
export const SNOMED_URL = 'http://snomed.info/sct';
export const UCUM_URL = 'http://unitsofmeasure.org';

export const questionnaireUrl = (id: InstrumentId): string => `${CANONICAL_BASE}/Questionnaire/${id}`;
export const valueSetUrl = (name: string): string => `${CANONICAL_BASE}/ValueSet/${name}`;

/** Identifier systems: the app mints identifiers so that a retried write is recognised, not duplicated. */
export const IDENTIFIER_SYSTEMS = {
  questionnaireResponse: `${CANONICAL_BASE}/identifier/questionnaire-response`,
  observation: `${CANONICAL_BASE}/identifier/observation`,
  flag: `${CANONICAL_BASE}/identifier/flag`,
  provenance: `${CANONICAL_BASE}/identifier/provenance`,
  clinicalNote: `${CANONICAL_BASE}/identifier/clinical-note`,
} as const;

export const OBSERVATION_CATEGORY_URL = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** HL7's `survey` category: on the score Observations and on the Questionnaire items they are extracted from. */
export const surveyCategory = (): fhir4.Coding => ({
  system: OBSERVATION_CATEGORY_URL,
  code: 'survey',
  display: 'Survey',
});
export const FLAG_CATEGORY_URL = 'http://terminology.hl7.org/CodeSystem/flag-category';
export const INTERPRETATION_URL = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

export const EXTENSIONS = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  sliderStepValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  /** The R4-era name of itemWeight; published alongside it for renderers that only know this one. */
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  observationExtract: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract',
  observationExtractCategory:
    'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observation-extract-category',
  flagDetail: 'http://hl7.org/fhir/StructureDefinition/flag-detail',
  /** Project extensions on a Flag: which rule raised it, its version and the thresholds used. */
  flagRule: `${CANONICAL_BASE}/StructureDefinition/flag-rule`,
} as const;

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** Codes of the project CodeSystem for instruments, totals and rules. Items and subscales use their own `code`. */
export const instrumentCode = (id: InstrumentId): string => id;
export const totalCode = (id: InstrumentId): string => `${id}-total`;
export const ruleCode = (rule: RuleCode): string => rule;

/** Codes the write side adds to the project CodeSystem: an Observation category per instrument kind, and
 *  the interpretation of a total against its cutoff (alongside HL7's L/N). */
export const observationCategoryCode = (kind: InstrumentKind): string => kind;
export const INTERPRETATION_CODES = { belowCutoff: 'below-cutoff', atOrAboveCutoff: 'at-or-above-cutoff' } as const;
export const PROVENANCE_PARTICIPANT_URL = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** The clinician's record of an alliance rupture (issue 12, item 7): its code, its kind's codes and the "addressed" component. */
export const RUPTURE_NOTE_CODES = { note: 'alliance-rupture-note', addressed: 'alliance-rupture-addressed' } as const;
