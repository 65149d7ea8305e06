// One Provenance per save (US Core Provenance; SDC recommends one per extraction): what was written, when,
// by whom (the clinician) and with what (this app), from which response.
//
// The app is a contained Device rather than a display-only reference: it validates (a contained resource
// referenced from `agent.who`), carries the app's name and version in structured fields, and needs no
// Device on the server, which most EHRs would not let an app create.
//
// US Core provenance-1: an agent whose `who` is a Practitioner or a Device SHALL have `onBehalfOf` (an
// Organization in US Core). Both our agents are such, so both name the organization configured in
// smart-launch.json (`writeBack.organization`). Without one, the app still says for whom it acted (the
// clinician; base R4 allows a Practitioner there), and the clinician's own agent has no `onBehalfOf`: a
// deployment that must meet US Core configures its organization (README, Configuration).
import { PROVENANCE_PARTICIPANT_URL } from '../codes';
import type { IdentifierToken } from './identity';

export interface ProvenanceContext {
  /** The instant of the save. */
  readonly recorded: string;
  /** The clinician (fhirUser), e.g. `Practitioner/9`. */
  readonly clinician?: string;
  /** The organization both agents act for, e.g. `{ reference: 'Organization/1', display: 'Northside Clinic' }`. */
  readonly organization?: fhir4.Reference;
  readonly app: { readonly name: string; readonly version: string };
  /** The response everything derives from. */
  readonly source: string;
  /** The tag that lets a retry find this Provenance (R4 Provenance has no `identifier`). */
  readonly tag: IdentifierToken;
}

const APP_DEVICE_ID = 'app';

function participant(code: 'author' | 'assembler', display: string): fhir4.CodeableConcept {
  return { coding: [{ system: PROVENANCE_PARTICIPANT_URL, code, display }] };
}

function appDevice(app: ProvenanceContext['app']): fhir4.Device {
  return {
    resourceType: 'Device',
    id: APP_DEVICE_ID,
    deviceName: [{ name: app.name, type: 'user-friendly-name' }],
    type: { text: 'SMART on FHIR application' },
    version: [{ value: app.version }],
  };
}

function agents(ctx: ProvenanceContext): fhir4.ProvenanceAgent[] {
  const organization = ctx.organization ? { onBehalfOf: ctx.organization } : {};
  // The app acts for the organization, else for the clinician who saved.
  const appFor = ctx.organization ?? (ctx.clinician ? { reference: ctx.clinician } : undefined);
  const appActsFor = appFor ? { onBehalfOf: appFor } : {};
  const author: fhir4.ProvenanceAgent[] = ctx.clinician
    ? [{ type: participant('author', 'Author'), who: { reference: ctx.clinician }, ...organization }]
    : [];
  return [
    ...author,
    {
      type: participant('assembler', 'Assembler'),
      who: { reference: `#${APP_DEVICE_ID}`, display: ctx.app.name },
      ...appActsFor,
    },
  ];
}

/**
 * A Provenance for `targets` (references of everything written in this save). A target saved in an earlier
 * request is rewritten to its version-specific reference (`Type/id/_history/n`) at send time; one written in
 * the same transaction stays a version-less reference, since its version is not known when the bundle is built.
 */
export function buildProvenance(targets: readonly string[], ctx: ProvenanceContext): fhir4.Provenance {
  return {
    resourceType: 'Provenance',
    meta: { tag: [{ system: ctx.tag.system, code: ctx.tag.value }] },
    contained: [appDevice(ctx.app)],
    target: targets.map((reference) => ({ reference })),
    recorded: ctx.recorded,
    agent: agents(ctx),
    entity: [{ role: 'source', what: { reference: ctx.source } }],
  };
}
