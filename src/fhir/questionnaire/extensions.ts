// Small builders for the FHIR and SDC extensions the Questionnaires use, so that each shape is written once.
import { languages, type LocalizedText } from '../../core/instruments/types';
import { EXTENSIONS, ITEM_CONTROL_SYSTEM, UCUM_URL, surveyCategory } from '../codes';

type Extension = fhir4.Extension;

/**
 * The `_text`/`_title`/`_display` element that carries the wording in every language but the source one
 * (the element's own value): one translation extension per language.
 */
export function translations(text: LocalizedText): fhir4.Element {
  return {
    extension: languages.slice(1).map((language) => ({
      url: EXTENSIONS.translation,
      extension: [
        { url: 'lang', valueCode: language },
        { url: 'content', valueString: text[language] },
      ],
    })),
  };
}

export function itemControl(code: string): Extension {
  return { url: EXTENSIONS.itemControl, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code }] } };
}

export function integerBounds(min: number, max: number): Extension[] {
  return [
    { url: EXTENSIONS.minValue, valueInteger: min },
    { url: EXTENSIONS.maxValue, valueInteger: max },
  ];
}

export function sliderStep(step: number): Extension {
  return { url: EXTENSIONS.sliderStepValue, valueInteger: step };
}

export function ucumUnit(code: string, display: string): Extension {
  return { url: EXTENSIONS.unit, valueCoding: { system: UCUM_URL, code, display } };
}

/** The option's score; both the current (itemWeight) and the R4-era (ordinalValue) name, for older renderers. */
export function optionWeight(value: number): Extension[] {
  return [
    { url: EXTENSIONS.itemWeight, valueDecimal: value },
    { url: EXTENSIONS.ordinalValue, valueDecimal: value },
  ];
}

export function calculatedExpression(expression: string, description: string): Extension {
  return {
    url: EXTENSIONS.calculatedExpression,
    valueExpression: { description, language: 'text/fhirpath', expression },
  };
}

/**
 * SDC 4 observation-based extraction, root level: `true` on the Questionnaire makes it the parent (panel)
 * Observation, coded with Questionnaire.code, category survey for everything extracted beneath it.
 */
export function observationPanel(): Extension[] {
  return [
    { url: EXTENSIONS.observationExtract, valueBoolean: true },
    { url: EXTENSIONS.observationExtractCategory, valueCodeableConcept: { coding: [surveyCategory()] } },
  ];
}

/**
 * SDC 4 relationship code on an item: `member` extracts its answer as an Observation of its own that the
 * panel lists in `hasMember`, the shape of US Core's screening-assessment guidance. (An extractor that knows
 * only SDC 3's boolean form still extracts the item: it inherits the root's `true`.)
 */
export function observationMember(): Extension {
  return { url: EXTENSIONS.observationExtract, valueCode: 'member' };
}
