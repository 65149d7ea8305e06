import { z } from 'zod';
import { addDays, calendarDate } from '../../core/dates';
import type { MyClientsSource } from '../caseload-config';
import type { FhirTransport } from '../gateway/types';
import { referenceId } from '../parse/references';
import type { RoundTripCount } from './round-trip';
import { searchAll, type SearchAnswer } from './caseload-search';

// "My clients": who the signed-in clinician sees, from what the EHR offers (smart-launch.json `caseload.myClients`).
// Every source is asked in the same round trip, each `_include`-ing its Patients so that no further read is
// needed for names and birth dates.

export interface MyClientsQuery {
  /** The clinician's Practitioner id (from `fhirUser`). */
  readonly practitionerId: string;
  readonly sources: readonly MyClientsSource[];
  /** Local date YYYY-MM-DD. */
  readonly today: string;
  readonly daysAhead: number;
  /** How far back authored responses make someone a client (the episode gap: a longer break ends the episode). */
  readonly daysBack: number;
}

export interface MyClient {
  readonly patientId: string;
  /** The first source (in the configured order) that named this client. */
  readonly source: MyClientsSource;
  /** Earliest booked start from today on (FHIR instant), when the source knows one. */
  readonly nextVisit?: string;
}

export interface MyClients {
  readonly clients: readonly MyClient[];
  /** The Patients the searches included, unvalidated (the history load validates them). */
  readonly patients: readonly unknown[];
  /** Sources the server refused (403 without the scope, 400 for an unknown parameter): the others still count. */
  readonly failures: readonly {
    readonly source: MyClientsSource;
    readonly status: number;
    readonly messages: readonly string[];
  }[];
}

const ref = z.looseObject({ reference: z.string().optional() });
const appointmentSchema = z.looseObject({
  status: z.string(),
  start: z.string().optional(),
  participant: z.array(z.looseObject({ actor: ref.optional() })),
});
const encounterSchema = z.looseObject({
  status: z.string(),
  subject: ref.optional(),
  period: z.looseObject({ start: z.string().optional() }).optional(),
});
const subjectSchema = z.looseObject({ subject: ref.optional() });

/** Bookings that will not happen, and encounters that did not. */
const NOT_HAPPENING = new Set(['cancelled', 'noshow', 'entered-in-error']);

function searchUrl(source: MyClientsSource, q: MyClientsQuery): string {
  const who = encodeURIComponent(`Practitioner/${q.practitionerId}`);
  const window = `date=ge${q.today}&date=lt${addDays(q.today, q.daysAhead)}`;
  switch (source) {
    case 'appointments':
      return `Appointment?practitioner=${who}&${window}&_include=Appointment:patient&_count=1000`;
    case 'encounters':
      return `Encounter?participant=${who}&${window}&_include=Encounter:subject&_count=1000`;
    case 'authored':
      return `QuestionnaireResponse?author=${who}&authored=ge${addDays(q.today, -q.daysBack)}&_include=QuestionnaireResponse:subject&_count=1000`;
    case 'care-team':
      return `CareTeam?participant=${who}&status=active&_include=CareTeam:subject&_count=1000`;
  }
}

type Visit = { readonly patientId: string; readonly start?: string };

function visitsOf(source: MyClientsSource, resources: readonly unknown[], today: string): Visit[] {
  return resources.flatMap((resource): Visit[] => {
    if (source === 'appointments') {
      const a = appointmentSchema.safeParse(resource);
      if (!a.success || NOT_HAPPENING.has(a.data.status)) return [];
      const start = a.data.start && calendarDate(a.data.start) >= today ? { start: a.data.start } : {};
      return a.data.participant.flatMap((p) => {
        const patientId = referenceId(p.actor?.reference, 'Patient');
        return patientId ? [{ patientId, ...start }] : [];
      });
    }
    const parsed = (source === 'encounters' ? encounterSchema : subjectSchema).safeParse(resource);
    const patientId = parsed.success ? referenceId(parsed.data.subject?.reference, 'Patient') : undefined;
    return patientId ? [{ patientId }] : [];
  });
}

function merge(found: Map<string, MyClient>, source: MyClientsSource, visits: readonly Visit[]): void {
  for (const visit of visits) {
    const known = found.get(visit.patientId);
    const earlier =
      visit.start && (!known?.nextVisit || visit.start < known.nextVisit) ? visit.start : known?.nextVisit;
    found.set(visit.patientId, {
      patientId: visit.patientId,
      source: known?.source ?? source,
      ...(earlier ? { nextVisit: earlier } : {}),
    });
  }
}

/**
 * Asks every source at once. `onFirstPages` gets the clients the first pages named, so their histories can load
 * while a long source (every response the clinician authored) is still paging.
 */
export async function findMyClients(
  transport: FhirTransport,
  q: MyClientsQuery,
  count: RoundTripCount,
  useBatch = true,
  onFirstPages?: (early: MyClients) => void,
): Promise<MyClients> {
  const answers = await searchAll(
    transport,
    q.sources.map((s) => searchUrl(s, q)),
    count,
    useBatch,
    onFirstPages && ((first) => onFirstPages(collect(first, q))),
  );
  return collect(answers, q);
}

function collect(answers: readonly SearchAnswer[], q: MyClientsQuery): MyClients {
  const found = new Map<string, MyClient>();
  const failures: MyClients['failures'][number][] = [];
  answers.forEach((answer, i) => {
    const source = q.sources[i]!;
    if (answer.failure) failures.push({ source, ...answer.failure });
    merge(found, source, visitsOf(source, answer.matches, q.today));
  });
  return { clients: [...found.values()], patients: answers.flatMap((a) => a.included), failures };
}
