// The sandbox's starting data: clinicians, our published Questionnaires (with their CodeSystem and
// ValueSets) and the synthetic clients. Deterministic: the only input is the seed's "today".
import { publishedArtefacts } from '../../../fhir/questionnaire';
import { buildClientHistory, CLINICIANS } from './client-history';
import { caseloadScheduling, caseloadStories, DEFAULT_CASELOAD } from './caseload';
import { CLIENT_STORIES } from './stories';

/** The default "today" of the seed: fixed, so that every run and every machine gets the same data. */
export const SEED_TODAY = '2025-06-02';

/** The published Questionnaires, CodeSystem and ValueSets, as a server that hosts them would hold them. */
export function seedQuestionnaires(): fhir4.Resource[] {
  return publishedArtefacts();
}

export interface SeedOptions {
  /** The seed's "today" (YYYY-MM-DD): histories end shortly before it. Default: a fixed date, so seeds repeat. */
  readonly today?: string;
}

export function seedResources(options: SeedOptions = {}): fhir4.Resource[] {
  const today = options.today ?? SEED_TODAY;
  // The stories, then synthetic clients filling each clinician's caseload; all booked and on a CareTeam.
  const stories = [...CLIENT_STORIES, ...caseloadStories(CLIENT_STORIES, DEFAULT_CASELOAD)];
  return [
    ...CLINICIANS,
    ...seedQuestionnaires(),
    ...stories.flatMap((story) => buildClientHistory(story, today)),
    ...caseloadScheduling(stories, today),
  ];
}

export interface SandboxClient {
  readonly patientId: string;
  readonly name: string;
  readonly age: number;
  readonly story: string;
  readonly clinicianId: string;
}

/** The clients for a picker (the EHR launch page), in seed order. */
export function sandboxClients(): SandboxClient[] {
  return CLIENT_STORIES.map((s) => ({
    patientId: s.id,
    name: `${s.given} ${s.family}`,
    age: s.age,
    story: s.story,
    clinicianId: `pr${s.clinician + 1}`,
  }));
}

export { CLIENT_STORIES, CLINICIANS };
export type { ClientStory } from './stories';
