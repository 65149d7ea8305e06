// The synthetic clients: each history is written so that one rule of instruments.md Part A holds (or
// clears) at its latest response. Totals are in points; the generator turns them into item answers.
import type { RuleCode } from '../../../core/model';

export interface SessionScores {
  /** ORS or CORS total. */
  readonly outcome?: number;
  /** SRS or CSRS total. */
  readonly alliance?: number;
  /** WAI-SR subscale means (task, bond, goal), 1–5. */
  readonly wai?: readonly [number, number, number];
  /** The outcome response was left unfinished (one item unanswered, status in-progress). */
  readonly incomplete?: boolean;
}

export interface ClientStory {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly gender: 'female' | 'male' | 'other';
  /** Age in whole years on the seed's "today". */
  readonly age: number;
  /** One line for the EHR launch page. */
  readonly story: string;
  /** Index of the clinician (0 is pr1, 1 is pr2, n is pr{n+1}). */
  readonly clinician: number;
  readonly sessions: readonly SessionScores[];
  /** Days between sessions, by default 7; a day count > 90 at an index starts a new episode there. */
  readonly gaps?: Readonly<Record<number, number>>;
  /** Responses written by another system, in its own answer shapes. */
  readonly otherSystem?: boolean;
  /** Rules that must be active after the latest response (checked by the seed tests). */
  readonly expected: readonly RuleCode[];
  /** Rules that must not be active after the latest response. */
  readonly absent?: readonly RuleCode[];
}

const steady = (outcome: readonly number[], alliance = 38.5): SessionScores[] =>
  outcome.map((o) => ({ outcome: o, alliance }));

function longHistory(): SessionScores[] {
  return Array.from({ length: 210 }, (_, i) => ({
    outcome: Math.round((14 + 14 * (1 - Math.exp(-i / 40)) + 2 * Math.sin(i / 3)) * 10) / 10,
    alliance: 38 + (i % 5) * 0.2,
    ...(i % 4 === 3 ? { wai: [4 + (i % 8 === 3 ? 0.25 : 0), 4.25, 4] as const } : {}),
  }));
}

export const CLIENT_STORIES: readonly ClientStory[] = [
  {
    id: 'p01',
    given: 'Maya',
    family: 'Lindqvist',
    gender: 'female',
    age: 34,
    clinician: 0,
    story: 'Low mood after a job loss; steady gains week by week, now above the clinical cutoff.',
    sessions: steady([17.5, 19.2, 21, 23.4, 25.6, 27.8, 29.1]).map((s, i) =>
      i % 4 === 1 ? { ...s, wai: [4, 4.25, 4] as const } : s,
    ),
    expected: ['outcome-recovered'],
  },
  {
    id: 'p02',
    given: 'Daniel',
    family: 'Okonjo',
    gender: 'male',
    age: 41,
    clinician: 0,
    story: 'Work stress and poor sleep; four sessions in, little has changed yet.',
    sessions: steady([16.4, 17.1, 16.8, 18.2]),
    expected: ['outcome-not-on-track-early'],
  },
  {
    id: 'p03',
    given: 'Priya',
    family: 'Raman',
    gender: 'female',
    age: 29,
    clinician: 1,
    story: 'Anxiety in social settings; eight sessions without reliable change, alliance slipping on the WAI-SR.',
    sessions: steady([15.2, 16, 15.5, 17.1, 16.3, 17.4, 16.9, 18.1]).map((s, i) =>
      i === 3 ? { ...s, wai: [3.75, 4, 3.75] as const } : i === 7 ? { ...s, wai: [2.75, 3.75, 3.5] as const } : s,
    ),
    expected: ['outcome-not-on-track-persistent', 'alliance-wai-drop'],
  },
  {
    id: 'p04',
    given: 'Tomasz',
    family: 'Wilk',
    gender: 'male',
    age: 52,
    clinician: 1,
    story: 'Bereavement; scores have fallen reliably since intake.',
    sessions: steady([22.4, 21.3, 19.8, 18.6, 16.9]),
    expected: ['outcome-deterioration', 'outcome-not-on-track-early'],
  },
  {
    id: 'p05',
    given: 'Grace',
    family: 'Mensah',
    gender: 'female',
    age: 23,
    clinician: 0,
    story: 'First session last week; she rated the session low at the end.',
    sessions: [{ outcome: 19.5, alliance: 33.2 }],
    expected: ['alliance-concern', 'alliance-item-concern'],
  },
  {
    id: 'p06',
    given: 'Lucas',
    family: 'Moreau',
    gender: 'male',
    age: 38,
    clinician: 1,
    story: 'A rupture in session 3 after a hard conversation; talked through, and the alliance recovered.',
    sessions: [
      { outcome: 18.3, alliance: 38.9, wai: [4.25, 4.5, 4] },
      { outcome: 19.6, alliance: 38.4 },
      { outcome: 20.2, alliance: 32.8 },
      { outcome: 21.9, alliance: 37.2 },
      { outcome: 23.6, alliance: 38.6, wai: [4.25, 4.5, 4.25] },
    ],
    expected: [],
    absent: ['alliance-rupture-risk', 'alliance-concern', 'outcome-not-on-track-early'],
  },
  {
    id: 'p07',
    given: 'Ella',
    family: 'Novak',
    gender: 'female',
    age: 9,
    clinician: 0,
    story: 'Nine years old, worries at school; on the child forms (CORS/CSRS), improving.',
    sessions: steady([24.6, 26.1, 28.3, 30.2, 32.8], 38.2),
    expected: ['outcome-recovered'],
  },
  {
    id: 'p08',
    given: 'Noah',
    family: 'Bergstrom',
    gender: 'male',
    age: 15,
    clinician: 1,
    story: 'Fifteen; intake 26 is clinical for an adolescent (cutoff 28) and there is no progress yet.',
    sessions: steady([26, 25.8, 25.5, 25.2]),
    expected: ['outcome-not-on-track-early'],
  },
  {
    id: 'p09',
    given: 'Leo',
    family: 'Haddad',
    gender: 'male',
    age: 5,
    clinician: 0,
    story: 'Five years old: no instrument is offered at this age (YCORS is not scored).',
    sessions: [],
    expected: [],
  },
  {
    id: 'p10',
    given: 'Aisha',
    family: 'Karimi',
    gender: 'female',
    age: 45,
    clinician: 1,
    story: 'The latest ORS was left unfinished when the session was interrupted.',
    sessions: [...steady([17.2, 19.8, 22.6]), { outcome: 24, alliance: 38, incomplete: true }],
    expected: [],
    absent: ['outcome-not-on-track-early'],
  },
  {
    id: 'p11',
    given: 'Javier',
    family: 'Ortega',
    gender: 'male',
    age: 47,
    clinician: 0,
    story: 'Responses recorded in another system (points 0–10, other time zone, absolute references).',
    sessions: steady([18.9, 20.4, 22.8, 24.1, 26.3]).map((s, i) =>
      i % 4 === 1 ? { ...s, wai: [3.75, 4, 4] as const } : s,
    ),
    otherSystem: true,
    expected: ['outcome-recovered'],
  },
  {
    id: 'p12',
    given: 'Hannah',
    family: 'Ito',
    gender: 'female',
    age: 31,
    clinician: 1,
    story: 'Recovered last year; back after four months with a new episode of care.',
    sessions: [...steady([16.8, 20.3, 24.9, 27.2]), ...steady([19.4, 20.1])],
    gaps: { 4: 120 },
    expected: [],
    absent: ['outcome-recovered', 'outcome-not-on-track-early'],
  },
  {
    id: 'p13',
    given: 'Samuel',
    family: 'Adeyemi',
    gender: 'male',
    age: 58,
    clinician: 0,
    story: 'Long-term client: more than 200 weekly sessions over four years.',
    sessions: longHistory(),
    expected: ['outcome-recovered'],
  },
];
