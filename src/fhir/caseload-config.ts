import { z } from 'zod';
import { scopeList } from './scope-list';

// smart-launch.json `servers[].caseload`: how the app, launched without a patient, finds the signed-in
// clinician's clients on this EHR, and the (user/) scopes that launch asks for. EHRs offer different things:
// some expose Appointments, some only Encounters, some CareTeams; the sources are tried in the order given.

export const MY_CLIENTS_SOURCES = ['appointments', 'encounters', 'authored', 'care-team'] as const;
export type MyClientsSource = (typeof MY_CLIENTS_SOURCES)[number];

export const caseloadConfigSchema = z.object({
  /** SMART v2 scopes for the caseload launch (least privilege: each justified in scopeJustifications). */
  scopes: scopeList,
  scopesV1: scopeList,
  /**
   * Who counts as "my clients", in order: booked Appointments with the clinician, Encounters with the clinician
   * as participant (both from today over `daysAhead` days), clients whose responses the clinician authored,
   * CareTeams the clinician is a member of.
   */
  myClients: z
    .array(z.enum(MY_CLIENTS_SOURCES))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'each source once'),
  /** How far ahead the appointment/encounter search looks; 7 is "this week". */
  daysAhead: z.number().int().min(1).max(31).default(7),
});

export type CaseloadConfig = z.infer<typeof caseloadConfigSchema>;
