// ValueSets over the project CodeSystem: what a consumer may expect in each coded slot.
import { CODE_SYSTEM_URL, valueSetUrl } from '../codes';
import { answerConcepts, publishedInstruments } from './code-system';
import {
  categoryConcepts,
  instrumentConcept,
  interpretationConcepts,
  itemConcept,
  ruleConcepts,
  subscaleConcept,
  totalConcept,
  type Concept,
} from './concepts';
import { PUBLISHER, RELEASE_DATE, TERMINOLOGY_VERSION } from './release';

interface ValueSetSpec {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly concepts: readonly Concept[];
}

function valueSet(spec: ValueSetSpec): fhir4.ValueSet {
  return {
    resourceType: 'ValueSet',
    id: spec.id,
    url: valueSetUrl(spec.id),
    version: TERMINOLOGY_VERSION,
    name: spec.name,
    title: spec.title,
    status: 'active',
    date: RELEASE_DATE,
    publisher: PUBLISHER,
    description: spec.description,
    compose: {
      include: [
        {
          system: CODE_SYSTEM_URL,
          version: TERMINOLOGY_VERSION,
          concept: spec.concepts.map((c) => ({ code: c.code, display: c.display })),
        },
      ],
    },
  };
}

function scoreConcepts(): Concept[] {
  return publishedInstruments().flatMap((i) => [...i.subscales.map((s) => subscaleConcept(i, s)), totalConcept(i)]);
}

function itemConcepts(): Concept[] {
  return publishedInstruments().flatMap((i) => i.items.map((item) => itemConcept(i, item)));
}

export function buildValueSets(): fhir4.ValueSet[] {
  return [
    valueSet({
      id: 'instruments',
      name: 'TherapyFeedbackInstruments',
      title: 'Therapy Feedback instruments',
      description: 'The instruments the app administers and scores.',
      concepts: publishedInstruments().map(instrumentConcept),
    }),
    valueSet({
      id: 'items',
      name: 'TherapyFeedbackItems',
      title: 'Therapy Feedback instrument items',
      description: 'Every item of every instrument.',
      concepts: itemConcepts(),
    }),
    valueSet({
      id: 'scores',
      name: 'TherapyFeedbackScores',
      title: 'Therapy Feedback scores',
      description: 'Totals and subscale scores: the codes of the Observations the app writes.',
      concepts: scoreConcepts(),
    }),
    valueSet({
      id: 'wai-sr-answers',
      name: 'WaiSrAnswers',
      title: 'WAI-SR answers',
      description: 'The five WAI-SR answers, Seldom (1) to Always (5).',
      concepts: answerConcepts(),
    }),
    valueSet({
      id: 'observation-categories',
      name: 'TherapyFeedbackObservationCategories',
      title: 'Therapy Feedback observation categories',
      description: 'The kind of measure an Observation holds, next to the HL7 category survey.',
      concepts: categoryConcepts(),
    }),
    valueSet({
      id: 'cutoff-interpretations',
      name: 'TherapyFeedbackCutoffInterpretations',
      title: 'Therapy Feedback cutoff interpretations',
      description: 'Where a total stands against its configured cutoff.',
      concepts: interpretationConcepts(),
    }),
    valueSet({
      id: 'rule-codes',
      name: 'TherapyFeedbackRules',
      title: 'Therapy Feedback rules',
      description: 'The feedback rules whose decisions the app shows and, for some, keeps as Flags.',
      concepts: ruleConcepts(),
    }),
  ];
}
