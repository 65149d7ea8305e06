// Each clinician's caseload: enough clients to need a list (the stories plus synthetic clients), one booked
// Appointment each — some today, the rest later this week, a few none — and a CareTeam naming the clinician.
// Deterministic for a given today, like the rest of the seed.
import { addDays } from '../../../core/dates';
import { CLINICIANS, practitionerRef } from './client-history';
import { sessions } from './random-sessions';
import { randomInt, seededRandom, seedOf } from './prng';
import type { ClientStory } from './stories';

export interface CaseloadSize {
  readonly clinicians: number;
  /** Clients per clinician, the stories included. */
  readonly patientsPerClinician: number;
}

export const DEFAULT_CASELOAD: CaseloadSize = { clinicians: 2, patientsPerClinician: 32 };

const GIVEN = [
  'Marta',
  'Omar',
  'Ines',
  'Pavel',
  'Rosa',
  'Tariq',
  'Ulla',
  'Victor',
  'Wen',
  'Yara',
  'Zoe',
  'Bruno',
  'Carmen',
  'Dmitri',
];
const FAMILY = [
  'Alves',
  'Brandt',
  'Castillo',
  'Duarte',
  'Engel',
  'Farah',
  'Gomez',
  'Holm',
  'Iqbal',
  'Janssen',
  'Kaur',
  'Lund',
];
const FIRST_NAMES = ['Chris', 'Jordan', 'Morgan', 'Taylor', 'Casey', 'Riley'];
const LAST_NAMES = ['Park', 'Quinn', 'Silva', 'Tan', 'Weber', 'Young'];
const OFFSET = '+01:00';
/** The first six clients of a caseload are booked today; the rest over the next six days, every seventh not at all. */
const BOOKED_TODAY = 6;

/** The two seeded clinicians, then synthetic ones (pr3, pr4…) when more are asked for. */
export function caseloadClinicians(count: number): fhir4.Practitioner[] {
  const extra = Array.from({ length: Math.max(0, count - CLINICIANS.length) }, (_, i): fhir4.Practitioner => ({
    resourceType: 'Practitioner',
    id: `pr${CLINICIANS.length + i + 1}`,
    active: true,
    name: [
      {
        given: [FIRST_NAMES[i % FIRST_NAMES.length]!],
        family: LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!,
      },
    ],
    qualification: [{ code: { text: 'Therapist' } }],
  }));
  return [...CLINICIANS.slice(0, Math.max(count, 0)), ...extra];
}

/** A synthetic client of clinician `clinician` (0-based), the n-th of their caseload. */
export function syntheticStory(clinician: number, n: number, mostSessions = 12): ClientStory {
  const id = `cl${clinician + 1}-${String(n).padStart(3, '0')}`;
  const random = seededRandom(seedOf(id));
  return {
    id,
    given: GIVEN[randomInt(random, 0, GIVEN.length - 1)]!,
    family: FAMILY[randomInt(random, 0, FAMILY.length - 1)]!,
    gender: (['female', 'male', 'other'] as const)[randomInt(random, 0, 2)]!,
    age: randomInt(random, 14, 78),
    story: 'Caseload client (synthetic history).',
    clinician,
    // Most clients rate the session well (SRS 36–40), as in practice; the outcome trends vary as in the population.
    sessions: sessions(random, mostSessions).map((s) => ({
      ...s,
      ...(s.alliance === undefined ? {} : { alliance: Math.round((36 + (s.alliance - 30) * 0.4) * 10) / 10 }),
    })),
    expected: [],
  };
}

/** Synthetic clients that fill each clinician's caseload up to the size, after the stories they already have. */
export function caseloadStories(stories: readonly ClientStory[], size: CaseloadSize): ClientStory[] {
  return Array.from({ length: size.clinicians }, (_, clinician) => {
    const have = stories.filter((s) => s.clinician === clinician).length;
    return Array.from({ length: Math.max(0, size.patientsPerClinician - have) }, (_, i) =>
      syntheticStory(clinician, have + i + 1),
    );
  }).flat();
}

function appointment(story: ClientStory, date: string, hour: number): fhir4.Appointment {
  const time = `${String(hour).padStart(2, '0')}:00:00${OFFSET}`;
  return {
    resourceType: 'Appointment',
    id: `ap-${story.id}`,
    status: 'booked',
    serviceType: [{ text: 'Psychotherapy session' }],
    start: `${date}T${time}`,
    end: `${date}T${time.replace(':00:00', ':50:00')}`,
    participant: [
      { actor: { reference: `Patient/${story.id}` }, status: 'accepted' },
      { actor: { reference: practitionerRef(story) }, status: 'accepted' },
    ],
  };
}

function careTeam(story: ClientStory): fhir4.CareTeam {
  return {
    resourceType: 'CareTeam',
    id: `ct-${story.id}`,
    status: 'active',
    name: 'Psychotherapy',
    subject: { reference: `Patient/${story.id}` },
    participant: [{ member: { reference: practitionerRef(story) }, role: [{ text: 'Therapist' }] }],
  };
}

/** The k-th client of a caseload (0-based): today, later this week, or (every seventh) nothing booked. */
function booking(story: ClientStory, k: number, today: string): fhir4.Appointment[] {
  if (k < BOOKED_TODAY) return [appointment(story, today, 9 + k)];
  if (k % 7 === 6) return [];
  return [appointment(story, addDays(today, 1 + (k % 6)), 9 + (k % 8))];
}

/** The Appointment (if any) and CareTeam of the k-th client (0-based) of a clinician's caseload. */
export function schedulingOf(story: ClientStory, k: number, today: string): fhir4.Resource[] {
  return [...booking(story, k, today), careTeam(story)];
}

/** Appointments and CareTeams for every client, numbered within each clinician's caseload in the order given. */
export function caseloadScheduling(stories: readonly ClientStory[], today: string): fhir4.Resource[] {
  const seen = new Map<number, number>();
  return stories.flatMap((story) => {
    const k = seen.get(story.clinician) ?? 0;
    seen.set(story.clinician, k + 1);
    return schedulingOf(story, k, today);
  });
}
