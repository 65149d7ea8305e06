// The concepts of the project CodeSystem, defined once: the CodeSystem lists them and the Questionnaires
// and ValueSets code with them, so a display can never differ between the two.
import type { Instrument, InstrumentKind, Item, LikertOption, SubscaleDefinition } from '../../core/instruments/types';
import type { RuleCode } from '../../core/model';
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
  /** Spanish display, where the concept is shown to clients. */
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

// Plain-words meaning of each rule (instruments.md Part A). The Record type makes a new RuleCode a
// compile error here until it is defined.
const ruleDefinitions: Record<RuleCode, { display: string; definition: string }> = {
  'outcome-deterioration': {
    display: 'Outcome deterioration',
    definition:
      'The latest outcome score is at least the reliable-change amount (default 5 points) below the intake score of the episode.',
  },
  'outcome-not-on-track-early': {
    display: 'Not on track (early)',
    definition:
      'The client started in the clinical range and, at the 3rd to 5th outcome response of the episode, scores below the band of the expected course for their intake (the configured trajectory model).',
  },
  'outcome-not-on-track-persistent': {
    display: 'Not on track (persistent)',
    definition:
      'The client started in the clinical range and, at the 6th or a later outcome response of the episode, still scores below the band of the expected course for their intake.',
  },
  'outcome-sharp-drop': {
    display: 'Sharp drop in outcome',
    definition:
      'The latest outcome score is at least the reliable-change amount below the previous one. Shown in the app only.',
  },
  'outcome-recovered': {
    display: 'Recovered',
    definition:
      'The client started in the clinical range, is now at or above the clinical cutoff and has gained at least the reliable-change amount. Clears the outcome flags.',
  },
  'alliance-concern': {
    display: 'Alliance concern',
    definition: 'The latest session rating total is below the alliance cutoff (default 36).',
  },
  'alliance-rupture-risk': {
    display: 'Alliance rupture risk',
    definition:
      'The session rating dropped by 4 points or more, or fell from the cutoff or above to below it; or it was below the cutoff in two consecutive sessions; or it is below the cutoff while an outcome flag is active.',
  },
  'alliance-dip': {
    display: 'Alliance dip',
    definition: 'The latest session rating total is at least 1 point below the previous one. Shown in the app only.',
  },
  'alliance-item-concern': {
    display: 'Alliance item concern',
    definition: 'An item of the latest session rating is below 9 points. Shown in the app only.',
  },
  'alliance-wai-drop': {
    display: 'WAI-SR subscale drop (reliable)',
    definition:
      'A WAI-SR subscale mean fell by at least its reliable-change amount (default 1.0) against the previous WAI-SR.',
  },
  'alliance-wai-dip': {
    display: 'WAI-SR subscale dip',
    definition:
      'A WAI-SR subscale mean fell by 0.5 or more, but less than its reliable-change amount, against the previous WAI-SR. Shown in the app only.',
  },
  'alliance-rupture-unresolved': {
    display: 'Unresolved alliance rupture',
    definition:
      "A rupture (a reliable drop of the session rating or a WAI-SR subscale below the client's own level, or a fall below the alliance cutoff after good ratings) did not return to the client's own level within the repair window (default 3 ratings).",
  },
};

export function ruleConcepts(): Concept[] {
  return (Object.keys(ruleDefinitions) as RuleCode[]).map((rule) => ({
    code: ruleCode(rule),
    ...ruleDefinitions[rule],
  }));
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
