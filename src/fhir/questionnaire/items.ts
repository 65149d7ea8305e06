// The question and display items of a Questionnaire, one builder per kind of instrument item.
import type { Instrument, LikertItem, LikertOption, LocalizedText, RatingLineItem } from '../../core/instruments/types';
import { answerConcept, itemConcept, projectCoding } from './concepts';
import {
  integerBounds,
  itemControl,
  observationMember,
  optionWeight,
  sliderStep,
  translations,
  ucumUnit,
} from './extensions';

type QItem = fhir4.QuestionnaireItem;

/**
 * The heading as the form shows it. Where the paper form has a parenthetical gloss under the heading (ORS,
 * CORS) it becomes part of the item text, "Individually (Personal well-being)": renderers differ in where
 * they put child display items, and the gloss belongs to the question, not to an end of the line.
 */
function ratingLineText(item: RatingLineItem): LocalizedText {
  const { label, gloss } = item;
  if (!gloss) return label;
  return { en: `${label.en} (${gloss.en})`, es: `${label.es} (${gloss.es})` };
}

export function itemText(item: RatingLineItem | LikertItem): LocalizedText {
  return item.kind === 'rating-line' ? ratingLineText(item) : item.text;
}

function displayItem(linkId: string, text: LocalizedText, control?: string): QItem {
  return {
    linkId,
    type: 'display',
    text: text.en,
    _text: translations(text),
    ...(control ? { extension: [itemControl(control)] } : {}),
  };
}

export function instructionsItem(instrument: Instrument): QItem {
  return displayItem(`${instrument.id}-instructions`, instrument.instructions);
}

function anchorItems(item: RatingLineItem): QItem[] {
  const anchors: QItem[] = [];
  if (item.lowerAnchor) anchors.push(displayItem(`${item.linkId}-lower`, item.lowerAnchor, 'lower'));
  if (item.upperAnchor) anchors.push(displayItem(`${item.linkId}-upper`, item.upperAnchor, 'upper'));
  return anchors;
}

/** A 10 cm line answered in whole millimetres: an integer slider 0–100, step 1, unit mm. */
export function ratingLineItem(instrument: Instrument, item: RatingLineItem, minMm: number, maxMm: number): QItem {
  const text = ratingLineText(item);
  const anchors = anchorItems(item);
  return {
    extension: [
      itemControl('slider'),
      ...integerBounds(minMm, maxMm),
      sliderStep(1),
      ucumUnit('mm', 'millimetre'),
      observationMember(),
    ],
    linkId: item.linkId,
    code: [projectCoding(itemConcept(instrument, item))],
    text: text.en,
    _text: translations(text),
    type: 'integer',
    required: true,
    ...(anchors.length > 0 ? { item: anchors } : {}),
  };
}

function answerOption(option: LikertOption): fhir4.QuestionnaireItemAnswerOption {
  return {
    extension: optionWeight(option.value),
    valueCoding: { ...projectCoding(answerConcept(option)), _display: translations(option.label) },
  };
}

/** A statement rated on labelled options, shown as radio buttons; each option carries its score. */
export function likertItem(instrument: Instrument, item: LikertItem, options: readonly LikertOption[]): QItem {
  return {
    extension: [itemControl('radio-button'), observationMember()],
    linkId: item.linkId,
    code: [projectCoding(itemConcept(instrument, item))],
    text: item.text.en,
    _text: translations(item.text),
    type: 'choice',
    required: true,
    answerOption: options.map(answerOption),
  };
}
