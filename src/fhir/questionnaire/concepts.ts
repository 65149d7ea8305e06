// The concepts of the project CodeSystem, defined once: the CodeSystem lists them and the Questionnaires
// and ValueSets code with them, so a display can never differ between the two.
import type { Instrument, InstrumentKind, Item, LikertOption, SubscaleDefinition } from '../../core/instruments/types';
import { defaultScoringConfig, type ScoringConfig } from '../../core/config';
import type { RuleCode } from '../../core/model';
import { ruleWording, ruleWordingTables } from '../../core/rules/wording';
import {
  CODE_SYSTEM_URL,
  INTERPRETATION_CODES,
  RUPTURE_NOTE_CODES,
  SNOMED_URL,
  instrumentCode,
  observationCategoryCode,
  ruleCode,
  totalCode,
} from '../codes';

export interface Concept {
  readonly code: string;
  readonly display: string;
  readonly definition: string;
  /** Spanish display, where the concept is shown in Spanish (to clients, or a rule to clinicians). */
  readonly es?: string;
}

const administeredAt: Record<Instrument['administeredAt'], string> = {
  'session-start': 'at the start of a session',
  'session-end': 'at the end of a session',
  periodic: 'every few sessions',
};

export function instrumentConcept(instrument: Instrument): Concept {
  return {
    code: instrumentCode(instrument.id),
    display: instrument.title.en,
    definition: `The ${instrument.shortName} (${instrument.kind} measure), rated by the client ${administeredAt[instrument.administeredAt]}.`,
    es: instrument.title.es,
  };
}

export function itemConcept(instrument: Instrument, item: Item): Concept {
  if (item.kind === 'rating-line') {
    return {
      code: item.code,
      display: `${instrument.shortName} ${item.label.en}`,
      definition: `${instrument.shortName} item ${item.number}, "${item.label.en}": a 10 cm line answered in millimetres (0–100), scored in points (mm / 10).`,
    };
  }
  return {
    code: item.code,
    display: `${instrument.shortName} item ${item.number}`,
    definition: `${instrument.shortName} item ${item.number} (${item.subscale} subscale), rated 1 (seldom) to 5 (always).`,
  };
}

export function subscaleConcept(instrument: Instrument, subscale: SubscaleDefinition): Concept {
  const n = subscale.itemNumbers.length;
  return {
    code: subscale.code,
    display: `${instrument.shortName} ${subscale.label.en} subscale score`,
    definition: `Sum of ${instrument.shortName} items ${subscale.itemNumbers.join(', ')} (${n}–${n * 5}).`,
    es: `${instrument.shortName} ${subscale.label.es}`,
  };
}

export function totalConcept(instrument: Instrument): Concept {
  const { min, max } = instrument.totalRange;
  const how = instrument.scale.type === 'rating-line' ? 'sum of the item scores in points' : 'sum of the item scores';
  return {
    code: totalCode(instrument.id),
    display: `${instrument.shortName} total score`,
    definition: `${instrument.shortName} total: the ${how} (${min}–${max}).`,
  };
}

export function answerConcept(option: LikertOption): Concept {
  return {
    code: option.code,
    display: option.label.en,
    definition: `WAI-SR answer "${option.label.en}", scored ${option.value}.`,
    es: option.label.es,
  };
}

/**
 * The rule codes, in the rules' own words (core/rules/wording) with the thresholds of `config` filled in: the
 * English title and meaning as display and definition, the Spanish title as a designation.
 */
export function ruleConcepts(config: ScoringConfig = defaultScoringConfig): Concept[] {
  return (Object.keys(ruleWordingTables.en.rules) as RuleCode[]).map((rule) => {
    const { title, meaning } = ruleWording(rule, 'en', config);
    return { code: ruleCode(rule), display: title, definition: meaning, es: ruleWording(rule, 'es', config).title };
  });
}

// Observation categories the write side adds next to HL7's `survey`, one per kind of instrument.
const categoryDefinitions: Record<InstrumentKind, { display: string; definition: string }> = {
  outcome: { display: 'Outcome measure', definition: 'A score of how the client is doing (ORS, CORS).' },
  alliance: {
    display: 'Session alliance measure',
    definition: 'A score of how a session went for the client (SRS, CSRS).',
  },
  'alliance-inventory': {
    display: 'Alliance inventory',
    definition: 'A score of the working alliance over several sessions (WAI-SR).',
  },
};

export function categoryConcepts(): Concept[] {
  return (Object.keys(categoryDefinitions) as InstrumentKind[]).map((kind) => ({
    code: observationCategoryCode(kind),
    ...categoryDefinitions[kind],
  }));
}

export function interpretationConcepts(): Concept[] {
  return [
    {
      code: INTERPRETATION_CODES.belowCutoff,
      display: 'Below the cutoff',
      definition:
        'The total is below the configured cutoff: the clinical range for an outcome measure, a concern for a session alliance measure.',
    },
    {
      code: INTERPRETATION_CODES.atOrAboveCutoff,
      display: 'At or above the cutoff',
      definition: 'The total is at or above the configured cutoff.',
    },
  ];
}

/** The clinician-recorded rupture note: the Observation's code, its two kinds (Safran & Muran's markers) and "addressed". */
export function ruptureConcepts(): Concept[] {
  return [
    {
      code: RUPTURE_NOTE_CODES.note,
      display: 'Alliance rupture (clinician-recorded)',
      definition:
        'After a session, the clinician records that the working alliance was ruptured, of which kind, and whether it was addressed.',
    },
    {
      code: 'withdrawal',
      display: 'Withdrawal rupture',
      definition:
        'The client moves away from the therapist or the work: silence, deferring, changing the topic, intellectualising.',
    },
    {
      code: 'confrontation',
      display: 'Confrontation rupture',
      definition:
        'The client moves against the therapist or the work: complaints, criticism, pressure to change the way of working.',
    },
    {
      code: RUPTURE_NOTE_CODES.addressed,
      display: 'Rupture addressed',
      definition: 'Whether the rupture was talked about with the client (metacommunication).',
    },
  ];
}

export function projectCoding(concept: Concept): fhir4.Coding {
  return { system: CODE_SYSTEM_URL, code: concept.code, display: concept.display };
}

/** The instrument's SNOMED CT coding, where it has one (none for most). */
export function snomedCodings(instrument: Instrument): fhir4.Coding[] {
  return instrument.snomed ? [{ system: SNOMED_URL, ...instrument.snomed }] : [];
}

/** How a total is coded wherever it appears: the calculated Questionnaire item and the score Observation. */
export function totalCodings(instrument: Instrument): fhir4.Coding[] {
  return [...snomedCodings(instrument), projectCoding(totalConcept(instrument))];
}

/** How the instrument as a whole is coded: Questionnaire.code, and so the panel Observation extracted from it. */
export function instrumentCodings(instrument: Instrument): fhir4.Coding[] {
  return [projectCoding(instrumentConcept(instrument)), ...snomedCodings(instrument)];
}
