// The clinician's record of an alliance rupture, after a session (issue 12, item 7): an Observation coded in the
// project CodeSystem, its kind (withdrawal / confrontation) as the value and whether it was addressed as a
// component, about the client, by the clinician, focused on the session's alliance response when there is one.
import type { RuptureKind, RuptureNote } from '../../core/model';
import { CODE_SYSTEM_URL, IDENTIFIER_SYSTEMS, RUPTURE_NOTE_CODES, surveyCategory } from '../codes';
import type { Observation } from '../schemas/clinical';

export interface RuptureNoteContext {
  /** e.g. `Patient/123` */
  readonly patient: string;
  /** The clinician (fhirUser), e.g. `Practitioner/9`. */
  readonly clinician?: string;
  readonly encounter?: string;
  /** The session's SRS/CSRS response, when the note is about it. */
  readonly response?: string;
}

const kindDisplay: Readonly<Record<RuptureKind, string>> = {
  withdrawal: 'Withdrawal rupture',
  confrontation: 'Confrontation rupture',
};

export function buildRuptureNoteObservation(note: RuptureNote, context: RuptureNoteContext): fhir4.Observation {
  return {
    resourceType: 'Observation',
    identifier: [{ system: IDENTIFIER_SYSTEMS.observation, value: note.id }],
    status: 'final',
    category: [{ coding: [surveyCategory()] }],
    code: {
      coding: [
        { system: CODE_SYSTEM_URL, code: RUPTURE_NOTE_CODES.note, display: 'Alliance rupture (clinician-recorded)' },
      ],
    },
    subject: { reference: context.patient },
    ...(context.encounter ? { encounter: { reference: context.encounter } } : {}),
    effectiveDateTime: note.date,
    ...(context.clinician ? { performer: [{ reference: context.clinician }] } : {}),
    ...(context.response ? { focus: [{ reference: context.response }] } : {}),
    valueCodeableConcept: { coding: [{ system: CODE_SYSTEM_URL, code: note.kind, display: kindDisplay[note.kind] }] },
    component: [
      {
        code: {
          coding: [{ system: CODE_SYSTEM_URL, code: RUPTURE_NOTE_CODES.addressed, display: 'Rupture addressed' }],
        },
        valueBoolean: note.addressed,
      },
    ],
  };
}

const ours = (coding: { system?: string | undefined; code?: string | undefined }, code: string): boolean =>
  coding.system === CODE_SYSTEM_URL && coding.code === code;

function kindOf(observation: Observation): RuptureKind | undefined {
  const coding = observation.valueCodeableConcept?.coding?.find((c) => c.system === CODE_SYSTEM_URL);
  return coding?.code === 'withdrawal' || coding?.code === 'confrontation' ? coding.code : undefined;
}

/**
 * A rupture note read back from an Observation already validated by the load layer; undefined when it is not one
 * (another of our Observations) or cannot be one (retracted, no date, no kind, no "addressed").
 */
export function ruptureNoteOf(observation: Observation): RuptureNote | undefined {
  if (!observation.code.coding?.some((c) => ours(c, RUPTURE_NOTE_CODES.note))) return undefined;
  if (observation.status === 'entered-in-error' || observation.status === 'cancelled') return undefined;
  const kind = kindOf(observation);
  const addressed = observation.component?.find((c) =>
    c.code.coding?.some((k) => ours(k, RUPTURE_NOTE_CODES.addressed)),
  )?.valueBoolean;
  const id = observation.identifier?.[0]?.value ?? observation.id;
  if (!kind || addressed === undefined || !observation.effectiveDateTime || !id) return undefined;
  return { id, date: observation.effectiveDateTime, kind, addressed };
}
