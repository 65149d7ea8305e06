// Turns one story into FHIR resources: the Patient, one Encounter per session, and the
// QuestionnaireResponses (ours via buildQuestionnaireResponse; other-system ones reshaped).
import { addDays } from '../../../core/dates';
import { instruments } from '../../../core/instruments';
import type { Instrument, InstrumentId } from '../../../core/instruments';
import type { Administration } from '../../../core/model';
import { buildQuestionnaireResponse } from '../../../fhir/resources/questionnaire-response';
import { SANDBOX_STORY_EXTENSION } from '../engine/types';
import { likertItems, ratingLineItems } from './answers';
import { asOtherSystemResponse } from './other-system';
import type { Random } from './prng';
import { seededRandom, seedOf } from './prng';
import type { ClientStory, SessionScores } from './stories';

export const CLINICIANS: readonly fhir4.Practitioner[] = [
  {
    resourceType: 'Practitioner',
    id: 'pr1',
    active: true,
    name: [{ given: ['Ana'], family: 'Reyes', prefix: ['Dr'] }],
    qualification: [{ code: { text: 'Clinical psychologist' } }],
  },
  {
    resourceType: 'Practitioner',
    id: 'pr2',
    active: true,
    name: [{ given: ['Sam'], family: 'Okafor' }],
    qualification: [{ code: { text: 'Counsellor' } }],
  },
];

const OUR_OFFSET = '+01:00';
const DAYS_BEFORE_TODAY = 3;

/** Clinician n is `pr{n+1}`, as CLINICIANS names the first two and the caseload seed any further ones. */
export function practitionerRef(story: ClientStory): string {
  return `Practitioner/pr${story.clinician + 1}`;
}

/** Session dates oldest first: weekly unless a gap says otherwise, the last a few days before today. */
export function sessionDates(story: ClientStory, today: string): string[] {
  const dates: string[] = [];
  let date = addDays(today, -DAYS_BEFORE_TODAY);
  for (let i = story.sessions.length - 1; i >= 0; i--) {
    dates.unshift(date);
    date = addDays(date, -(story.gaps?.[i] ?? 7));
  }
  return dates;
}

export function buildPatient(story: ClientStory, today: string): fhir4.Patient {
  const birthYear = Number(today.slice(0, 4)) - story.age;
  return {
    resourceType: 'Patient',
    id: story.id,
    extension: [{ url: SANDBOX_STORY_EXTENSION, valueString: story.story }],
    identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: `MRN-${story.id.toUpperCase()}` }],
    active: true,
    name: [{ use: 'official', given: [story.given], family: story.family }],
    gender: story.gender,
    birthDate: addDays(`${birthYear}${today.slice(4)}`, -150),
    generalPractitioner: [{ reference: practitionerRef(story) }],
  };
}

function encounter(story: ClientStory, n: number, date: string): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id: `${story.id}-e${n}`,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    subject: { reference: `Patient/${story.id}` },
    participant: [{ individual: { reference: practitionerRef(story) } }],
    period: { start: `${date}T10:00:00${OUR_OFFSET}`, end: `${date}T10:50:00${OUR_OFFSET}` },
  };
}

function answersFor(instrument: Instrument, scores: SessionScores, random: Random): Record<string, number> {
  const values =
    instrument.id === 'wai-sr'
      ? waiAnswers(instrument, scores.wai ?? [4, 4, 4], random)
      : lineAnswers(instrument, scores, random);
  return Object.fromEntries(instrument.items.map((item, i) => [item.linkId, values[i] ?? 0]));
}

function lineAnswers(instrument: Instrument, scores: SessionScores, random: Random): number[] {
  const total = instrument.kind === 'outcome' ? (scores.outcome ?? 0) : (scores.alliance ?? 0);
  return ratingLineItems(total, instrument.items.length, random, total >= 36 ? 3 : 8);
}

function waiAnswers(instrument: Instrument, means: readonly [number, number, number], random: Random): number[] {
  const bySubscale = {
    task: likertItems(means[0], random),
    bond: likertItems(means[1], random),
    goal: likertItems(means[2], random),
  };
  return instrument.items.map((item) => (item.kind === 'likert' ? (bySubscale[item.subscale].shift() ?? 3) : 0));
}

interface Moment {
  readonly instrument: InstrumentId;
  readonly time: string;
}

function momentsOf(story: ClientStory, scores: SessionScores): Moment[] {
  const child = story.age < 13;
  return [
    ...(scores.outcome !== undefined ? [{ instrument: child ? 'cors' : 'ors', time: '10:02' } as const] : []),
    ...(scores.alliance !== undefined ? [{ instrument: child ? 'csrs' : 'srs', time: '10:46' } as const] : []),
    ...(scores.wai ? [{ instrument: 'wai-sr', time: '10:48' } as const] : []),
  ];
}

function response(
  story: ClientStory,
  n: number,
  date: string,
  moment: Moment,
  scores: SessionScores,
  random: Random,
): fhir4.QuestionnaireResponse {
  const instrument = instruments[moment.instrument];
  const answers = answersFor(instrument, scores, random);
  const incomplete = scores.incomplete === true && instrument.kind === 'outcome';
  const lastItem = instrument.items.at(-1)?.linkId ?? '';
  const administration: Administration = {
    id: `${story.id}-s${n}-${moment.instrument}`,
    instrument: moment.instrument,
    authored: `${date}T${moment.time}:00${OUR_OFFSET}`,
    status: incomplete ? 'in-progress' : 'completed',
    answers: incomplete
      ? Object.fromEntries(Object.entries(answers).filter(([linkId]) => linkId !== lastItem))
      : answers,
  };
  const ours = buildQuestionnaireResponse(instrument, administration, {
    subject: `Patient/${story.id}`,
    encounter: `Encounter/${story.id}-e${n}`,
    author: practitionerRef(story),
    source: `Patient/${story.id}`,
    identifierValue: `seed-${administration.id}`,
  });
  const qr = { ...ours, id: administration.id };
  return story.otherSystem ? asOtherSystemResponse(qr, instrument) : qr;
}

/** Every resource of one client, deterministic for a given story and today. */
export function buildClientHistory(story: ClientStory, today: string): fhir4.Resource[] {
  const random = seededRandom(seedOf(story.id));
  const dates = sessionDates(story, today);
  const resources: fhir4.Resource[] = [buildPatient(story, today)];
  story.sessions.forEach((scores, i) => {
    const date = dates[i] ?? today;
    resources.push(encounter(story, i + 1, date));
    for (const moment of momentsOf(story, scores)) resources.push(response(story, i + 1, date, moment, scores, random));
  });
  return resources;
}
