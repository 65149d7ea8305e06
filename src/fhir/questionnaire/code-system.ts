// The project CodeSystem: instruments, their items, subscales and totals, the WAI-SR answers and the
// rule codes. No LOINC codes exist for these instruments (instruments.md, Terminology), hence our own.
import { instruments } from '../../core/instruments';
import type { Instrument, LikertOption } from '../../core/instruments/types';
import { CODE_SYSTEM_URL } from '../codes';
import {
  answerConcept,
  categoryConcepts,
  instrumentConcept,
  interpretationConcepts,
  itemConcept,
  ruleConcepts,
  ruptureConcepts,
  subscaleConcept,
  totalConcept,
  type Concept,
} from './concepts';
import { PUBLISHER, RELEASE_DATE, TERMINOLOGY_VERSION } from './release';

export const CODE_SYSTEM_ID = 'therapy-feedback';

/** The instruments in publication order. */
export function publishedInstruments(): Instrument[] {
  return Object.values(instruments);
}

/** Everything coded for one instrument: the instrument, its items, its subscales and its total. */
function instrumentConcepts(instrument: Instrument): Concept[] {
  return [
    instrumentConcept(instrument),
    ...instrument.items.map((item) => itemConcept(instrument, item)),
    ...instrument.subscales.map((s) => subscaleConcept(instrument, s)),
    totalConcept(instrument),
  ];
}

/** Options of every Likert scale, once per code. */
function likertOptions(): LikertOption[] {
  const byCode = new Map<string, LikertOption>();
  for (const { scale } of publishedInstruments()) {
    if (scale.type === 'likert') scale.options.forEach((o) => byCode.set(o.code, o));
  }
  return [...byCode.values()];
}

export function answerConcepts(): Concept[] {
  return likertOptions().map(answerConcept);
}

function toCodeSystemConcept(concept: Concept): fhir4.CodeSystemConcept {
  return {
    code: concept.code,
    display: concept.display,
    definition: concept.definition,
    ...(concept.es ? { designation: [{ language: 'es', value: concept.es }] } : {}),
  };
}

function allConcepts(): Concept[] {
  return [
    ...publishedInstruments().flatMap(instrumentConcepts),
    ...answerConcepts(),
    ...ruleConcepts(),
    ...categoryConcepts(),
    ...interpretationConcepts(),
    ...ruptureConcepts(),
  ];
}

export function buildCodeSystem(): fhir4.CodeSystem {
  const concepts = allConcepts();
  return {
    resourceType: 'CodeSystem',
    id: CODE_SYSTEM_ID,
    url: CODE_SYSTEM_URL,
    version: TERMINOLOGY_VERSION,
    name: 'TherapyFeedback',
    title: 'Therapy Feedback codes',
    status: 'active',
    date: RELEASE_DATE,
    publisher: PUBLISHER,
    description:
      'Codes for the ORS, SRS, CORS, CSRS and WAI-SR instruments, their items, subscales and totals, the WAI-SR answers, the feedback rules that raise flags, and the categories and cutoff interpretations of the Observations the app writes.',
    caseSensitive: true,
    content: 'complete',
    count: concepts.length,
    concept: concepts.map(toCodeSystemConcept),
  };
}
