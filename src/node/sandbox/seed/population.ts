// A large synthetic population for benchmarks, generated one client at a time so that memory stays
// constant however many clients are asked for.
import { buildClientHistory } from './client-history';
import { caseloadClinicians, schedulingOf } from './caseload';
import type { Random } from './prng';
import { randomInt, seededRandom } from './prng';
import { sessions } from './random-sessions';
import type { ClientStory } from './stories';
import { publishedArtefacts } from '../../../fhir/questionnaire';

const GIVEN = ['Alex', 'Sam', 'Robin', 'Kim', 'Jo', 'Charlie', 'Dana', 'Eli', 'Noa', 'Rene', 'Toni', 'Yuki'];
const FAMILY = ['Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Horvat', 'Ivanova', 'Jensen', 'Kowalski'];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function populationStory(n: number, random: Random): ClientStory {
  return {
    id: `pop-${n}`,
    given: pick(random, GIVEN),
    family: pick(random, FAMILY),
    gender: pick(random, ['female', 'male', 'other'] as const),
    age: randomInt(random, 6, 80),
    story: 'Synthetic benchmark client.',
    clinician: random() < 0.5 ? 0 : 1,
    sessions: sessions(random),
    expected: [],
  };
}

/**
 * Clinicians and Questionnaires first, then `patients` clients with their histories, dealt to the clinicians in
 * turn, each booked (today, this week or not at all) and on the clinician's CareTeam like the sandbox's caseloads.
 */
export function* populationResources(patients: number, today: string, clinicians = 2): Generator<fhir4.Resource> {
  yield* caseloadClinicians(clinicians);
  yield* publishedArtefacts();
  const random = seededRandom(patients);
  for (let n = 1; n <= patients; n++) {
    const story = { ...populationStory(n, random), clinician: (n - 1) % clinicians };
    yield* buildClientHistory(story, today);
    yield* schedulingOf(story, Math.floor((n - 1) / clinicians), today);
  }
}
