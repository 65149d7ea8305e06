import { fail, succeed, type Result } from '../../../core/result';
import { isBundle } from './answer-filter';
import { isCompartmentType, isFilteredOnly, pinSearchToPatient } from './compartment';
import type { FhirAccess } from './fhir-access';
import { resolveMembership, type CurrentReader, type LocalResources } from './resolve-membership';
import { missingScopeText, scopesPermitting } from './scopes';
import type { TokenAccess } from './token-access';

// One access (a request, or one bundle entry) against one token: which scope permits it, and when only
// patient/ scopes do, that it stays inside the token's patient compartment — including every search the
// server would run for it (a conditional update's or delete's query, a create's If-None-Exist).

/** An access allowed, as it is to run. */
export interface AllowedAccess {
  /** the query to run (a search or conditional write may get the patient added) */ readonly query: string;
  /** filter the answer by patient */ readonly patient?: string;
  /** the If-None-Exist search to run, pinned to the patient */ readonly ifNoneExist?: string;
}

/** Allowed, or the refusal's message. */
export type Decision = Result<AllowedAccess>;

/** What one access carries besides its method and URL. */
export interface AccessInput {
  readonly body: unknown;
  /** The If-None-Exist header or `request.ifNoneExist`, without `?`. */
  readonly ifNoneExist?: string;
  readonly token: TokenAccess;
  readonly read: CurrentReader;
  /** The other resources of the same Bundle (targets of a Provenance written with them). */
  readonly local?: LocalResources;
}

/** The path (or bundle entry URL) with the decided query in place of the one asked for. */
export function withQuery(path: string, query: string): string {
  const base = path.split('?')[0]!;
  return query ? `${base}?${query}` : base;
}

/** Permitted by a scope, with whether only patient/ scopes permit it; or the refusal's message. */
function scopeDecision(access: FhirAccess, token: TokenAccess): Result<{ patientOnly: boolean }> {
  const denied =
    token.denied?.resourceType === access.resourceType && token.denied.interactions.includes(access.interaction);
  const permitting = denied ? [] : scopesPermitting(token.scopes, access);
  if (permitting.length === 0) {
    const needed = missingScopeText(token.patient ? 'patient' : 'user', access);
    return fail(`Insufficient scope: ${needed} (or a wider scope) is required for this request.`);
  }
  return succeed({ patientOnly: permitting.every((s) => s.context === 'patient') });
}

/**
 * A condition (If-None-Exist, a conditional update's or delete's query) may only find the patient's own
 * resources: pinned to the patient where a search parameter says whose a resource is, and otherwise
 * (Provenance) run first and refused when it finds anything of another patient.
 */
async function pinCondition(
  resourceType: string,
  query: string,
  patient: string,
  what: string,
  input: AccessInput,
): Promise<Result<string>> {
  const pinned = pinSearchToPatient(resourceType, query, patient);
  if (!pinned.ok) return fail(`Forbidden: ${what}: ${pinned.error}.`);
  if (!isFilteredOnly(resourceType)) return pinned;
  const found = await input.read(`${resourceType}?${query}`);
  const matches = found.status === 200 && isBundle(found.body) ? (found.body.entry ?? []) : [];
  const memberships = await Promise.all(matches.map((e) => resolveMembership(e.resource, patient, input.read)));
  return memberships.includes('other')
    ? fail(`Forbidden: ${what} finds a ${resourceType} of another patient.`)
    : pinned;
}

export async function decide(access: FhirAccess, input: AccessInput): Promise<Decision> {
  const scoped = scopeDecision(access, input.token);
  if (!scoped.ok) return scoped;
  const plain = succeed({
    query: access.query,
    ...(input.ifNoneExist === undefined ? {} : { ifNoneExist: input.ifNoneExist }),
  });
  if (!scoped.value.patientOnly || !isCompartmentType(access.resourceType)) return plain;
  const patient = input.token.patient;
  if (!patient) return fail('patient/ scopes need a patient in context, and this token has none.');
  const outside = `Forbidden: the ${access.resourceType} is outside the patient compartment of this token.`;
  const isOutside = async (resource: unknown) =>
    (await resolveMembership(resource, patient, input.read, input.local)) === 'other';
  switch (access.interaction) {
    case 's': {
      const pinned = pinSearchToPatient(access.resourceType, access.query, patient);
      return pinned.ok ? succeed({ query: pinned.value, patient }) : fail(`Forbidden: ${pinned.error}.`);
    }
    case 'r':
      return succeed({ query: access.query, patient });
    case 'c': {
      if (await isOutside(input.body)) return fail(outside);
      if (input.ifNoneExist === undefined) return succeed({ query: access.query });
      const condition = await pinCondition(
        access.resourceType,
        input.ifNoneExist,
        patient,
        'the If-None-Exist condition',
        input,
      );
      return condition.ok ? succeed({ query: access.query, ifNoneExist: condition.value }) : condition;
    }
    case 'u':
    case 'd': {
      if (access.interaction === 'u' && (await isOutside(input.body))) return fail(outside);
      // A write without id or condition is malformed: the engine answers it, with nothing to pin.
      if (!access.id && access.query === '') return succeed({ query: '' });
      if (!access.id) {
        const condition = await pinCondition(access.resourceType, access.query, patient, 'the condition', input);
        return condition.ok ? succeed({ query: condition.value }) : condition;
      }
      const current = await input.read(`${access.resourceType}/${access.id}`);
      const mine = current.status !== 200 || !(await isOutside(current.body));
      return mine ? succeed({ query: access.query }) : fail(outside);
    }
  }
}
