import { describe, expect, it } from 'vitest';
import { SEED_TODAY, seedResources } from '../../src/node/sandbox/seed';
import { populationResources } from '../../src/node/sandbox/seed/population';

// Each clinician's caseload in the seed: at least 30 clients, booked today and this week, on a CareTeam; and the
// population generator deals clients to any number of clinicians the same way.

type Resource = fhir4.Resource & Record<string, unknown>;
const ofType = <T extends fhir4.Resource>(resources: readonly fhir4.Resource[], type: T['resourceType']): T[] =>
  resources.filter((r): r is T => r.resourceType === type);
const actor = (a: fhir4.Appointment, type: string) =>
  a.participant.map((p) => p.actor?.reference ?? '').find((r) => r.startsWith(`${type}/`));

describe('the seeded caseloads', () => {
  const resources = seedResources() as Resource[];
  const appointments = ofType<fhir4.Appointment>(resources, 'Appointment');
  const teams = ofType<fhir4.CareTeam>(resources, 'CareTeam');

  it.each(['pr1', 'pr2'])(
    '%s has at least 30 clients on a CareTeam, several booked today and more this week',
    (clinician) => {
      const mine = teams.filter((t) => t.participant?.some((p) => p.member?.reference === `Practitioner/${clinician}`));
      expect(mine.length).toBeGreaterThanOrEqual(30);
      const booked = appointments.filter((a) => actor(a, 'Practitioner') === `Practitioner/${clinician}`);
      const today = booked.filter((a) => a.start?.startsWith(SEED_TODAY));
      expect(today.length).toBeGreaterThanOrEqual(5);
      expect(booked.length - today.length).toBeGreaterThanOrEqual(15);
      expect(booked.every((a) => (a.start ?? '') >= SEED_TODAY && (a.start ?? '') < '2025-06-09')).toBe(true);
    },
  );

  it('the deteriorating story client (Tomasz Wilk, p04) is booked today with Sam Okafor (pr2)', () => {
    const his = appointments.find((a) => actor(a, 'Patient') === 'Patient/p04');
    expect(actor(his!, 'Practitioner')).toBe('Practitioner/pr2');
    expect(his!.start?.startsWith(SEED_TODAY)).toBe(true);
  });

  it('seed --clinicians N --patients M deals M clients to N clinicians, each with a CareTeam', () => {
    const population = [...populationResources(30, SEED_TODAY, 3)];
    expect(ofType<fhir4.Practitioner>(population, 'Practitioner').map((p) => p.id)).toEqual(['pr1', 'pr2', 'pr3']);
    const members = ofType<fhir4.CareTeam>(population, 'CareTeam').map((t) => t.participant?.[0]?.member?.reference);
    expect(members).toHaveLength(30);
    for (const clinician of ['pr1', 'pr2', 'pr3'])
      expect(members.filter((m) => m === `Practitioner/${clinician}`)).toHaveLength(10);
  });
});
