import { assessClient, type ClientAssessment } from '../../core/assess';
import { instruments } from '../../core/instruments';
import type { Administration } from '../../core/model';
import type { History, LoadedAdministration } from '../load';
import { buildQuestionnaire } from '../questionnaire';
import type { NoteWords } from '../resources/clinical-note';
import { buildQuestionnaireResponse } from '../resources/questionnaire-response';
import type { WriteBackConfig } from '../smart-launch-config';
import { copyIdentifierValue } from '../resources/identity';
import { activeFlagsOf } from './flag-retire';
import type { WriteSet } from './types';
import { buildWriteSet, recordBasis, type WriteSetInput } from './write-set';

// The one entry of a save: from the history as loaded, the administration and the parties, everything the
// save writes, assessed once. The response's identifier is the administration's id (minted before the form
// opened), so building the set again after a double click or a reload gives the same identifiers and the
// server sees a resend. The UI calls this and `Outbox.save`, and renders the report.

export interface SaveParties {
  readonly patientId: string;
  readonly encounterId: string | undefined;
  /** The signed-in clinician (`Practitioner/9`). */
  readonly fhirUser: string | undefined;
  /** True when the client rated on the tablet; false when the clinician typed in a paper form. */
  readonly clientRated: boolean;
  /** The clinical note's words, in the clinician's language. */
  readonly noteWords?: NoteWords;
}

export interface PrepareSaveInput {
  readonly administration: Administration;
  readonly history: History;
  /** Responses kept in this tab, not yet on the server: real answers, so the Flags count them. */
  readonly unsaved?: readonly LoadedAdministration[];
  readonly assessment: ClientAssessment;
  readonly parties: SaveParties;
  /** The instant of the save, FHIR dateTime. */
  readonly recorded: string;
  readonly app: { readonly name: string; readonly version: string };
  /** The score form and the organization Provenance names (smart-launch.json `writeBack`). */
  readonly writeBack?: WriteBackConfig;
  /**
   * Whether a response the record already holds (kept in progress, now resumed) may be updated in place
   * (`updatesResponses(plan)`). When it may not, the save is a new create as for any response.
   */
  readonly updateInPlace?: boolean;
}

/** How this save relates to a copy of the same administration the record holds (kept in progress earlier). */
function completionOf(
  administration: Administration,
  history: History,
  updateInPlace: boolean,
): WriteSetInput['completes'] {
  const held = history.administrations.find(
    (a) => a.administration.id === administration.id && a.sourceId !== undefined,
  );
  if (!held?.sourceId || held.administration.status !== 'in-progress') return undefined;
  if (!updateInPlace) return { mode: 'new-copy' };
  return { mode: 'update', id: held.sourceId, ...(held.sourceVersion ? { version: held.sourceVersion } : {}) };
}

export function prepareSave(input: PrepareSaveInput): WriteSet {
  const { administration, history, assessment, parties } = input;
  const instrument = instruments[administration.instrument];
  const birthDate = history.patient?.birthDate;
  // The rules as they stand once this administration is counted: the write set raises and ends Flags to match.
  const after = assessClient({
    administrations: [...history.administrations, ...(input.unsaved ?? [])]
      .map((a) => a.administration)
      .filter((a) => a.id !== administration.id)
      .concat(administration),
    config: assessment.config,
    ...(birthDate ? { birthDate } : {}),
  });
  const patient = `Patient/${parties.patientId}`;
  const encounter = parties.encounterId ? `Encounter/${parties.encounterId}` : undefined;
  const serverIds = new Map(history.administrations.map((a) => [a.administration.id, a.sourceId]));
  const completes = completionOf(administration, history, input.updateInPlace === true);
  const response = buildQuestionnaireResponse(instrument, administration, {
    subject: patient,
    encounter,
    author: parties.fhirUser,
    source: parties.clientRated ? patient : parties.fhirUser,
    identifierValue:
      completes?.mode === 'new-copy'
        ? copyIdentifierValue(administration.id, administration.authored)
        : administration.id,
  });
  return buildWriteSet({
    response,
    administration,
    assessment: after,
    activeFlags: activeFlagsOf(history.flags),
    builtOn: recordBasis(history.administrations.map((a) => a.administration)),
    evidenceReference: (id) => {
      const serverId = serverIds.get(id);
      return serverId ? `QuestionnaireResponse/${serverId}` : undefined;
    },
    questionnaire: buildQuestionnaire(instrument),
    context: {
      patient,
      encounter,
      clinician: parties.fhirUser,
      clientRated: parties.clientRated,
      recorded: input.recorded,
      app: input.app,
      scoreForm: input.writeBack?.scoreObservations,
      organization: input.writeBack?.organization,
    },
    ...(parties.noteWords ? { noteWords: parties.noteWords } : {}),
    ...(completes ? { completes } : {}),
  });
}
