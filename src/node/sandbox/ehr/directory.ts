import { z } from 'zod';
import { SANDBOX_STORY_EXTENSION, type FhirEngine } from '../engine/types';
import type { ClinicianSummary, Directory, PatientSummary } from '../auth/directory';

// Patients and clinicians as the EHR page lists them, read from the engine like any FHIR client would
// (validated, not trusted).

const humanName = z.object({
  text: z.string().optional(),
  given: z.array(z.string()).optional(),
  family: z.string().optional(),
});
const extension = z.object({ url: z.string(), valueString: z.string().optional() });
const person = z.object({
  id: z.string(),
  name: z.array(humanName).optional(),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
  extension: z.array(extension).optional(),
});
const searchset = z.object({ entry: z.array(z.object({ resource: z.unknown() })).optional() });

type Person = z.infer<typeof person>;

export function displayName(p: Person): string {
  const name = p.name?.[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ').trim();
  return text || `(no name) ${p.id}`;
}

/** Whole years from a YYYY-MM-DD birth date to today's date. */
export function ageInYears(birthDate: string, today: string): number | undefined {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  const t = /^(\d{4})-(\d{2})-(\d{2})/.exec(today);
  if (!b || !t) return undefined;
  const beforeBirthday = t[2]! + t[3]! < b[2]! + b[3]!;
  return Number(t[1]) - Number(b[1]) - (beforeBirthday ? 1 : 0);
}

async function searchPeople(engine: FhirEngine, path: string): Promise<Person[]> {
  const response = await engine.handle({ method: 'GET', path });
  const bundle = searchset.safeParse(response.body);
  if (response.status !== 200 || !bundle.success) return [];
  return (bundle.data.entry ?? []).flatMap((e) => {
    const parsed = person.safeParse(e.resource);
    return parsed.success ? [parsed.data] : [];
  });
}

export function patientSummary(p: Person, today: string): PatientSummary {
  const story = p.extension?.find((e) => e.url === SANDBOX_STORY_EXTENSION)?.valueString;
  const age = p.birthDate ? ageInYears(p.birthDate, today) : undefined;
  return {
    id: p.id,
    name: displayName(p),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(age !== undefined ? { age } : {}),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(story ? { story } : {}),
  };
}

export function engineDirectory(
  engine: FhirEngine,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): Directory {
  return {
    async patients() {
      const people = await searchPeople(engine, 'Patient?_count=200');
      return people
        .map((p) => patientSummary(p, today()))
        .sort((a, b) => Number(!a.story) - Number(!b.story) || a.name.localeCompare(b.name));
    },
    async clinicians(): Promise<ClinicianSummary[]> {
      const people = await searchPeople(engine, 'Practitioner?_count=100');
      return people.map((p) => ({ id: p.id, name: displayName(p) })).sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}

/** The patient's most recent Encounter, passed as the launch's encounter context when there is one. */
export async function latestEncounter(engine: FhirEngine, patientId: string): Promise<string | undefined> {
  const response = await engine.handle({
    method: 'GET',
    path: `Encounter?subject=Patient/${encodeURIComponent(patientId)}&_sort=-date&_count=1`,
  });
  const bundle = searchset.safeParse(response.body);
  const first = bundle.success ? bundle.data.entry?.[0]?.resource : undefined;
  const parsed = z.object({ id: z.string() }).safeParse(first);
  return parsed.success ? parsed.data.id : undefined;
}
