import type { History, UnreadableResource } from '../../fhir/load';
import type { RecordKind, UnreadableView } from '../dashboard/view-model';

// The record's unreadable resources as the clinician view lists them: each by the kind of record the clinician
// knows and a reason code the view words; FHIR types, ids and the technical detail go to support staff only.

const recordKinds: Readonly<Record<string, RecordKind>> = {
  QuestionnaireResponse: 'answers',
  Observation: 'stored-score',
  Flag: 'alert',
  DocumentReference: 'note',
  Patient: 'client',
  Questionnaire: 'form',
};

const recordKindOf = (resourceType: string): RecordKind =>
  Object.hasOwn(recordKinds, resourceType) ? recordKinds[resourceType]! : 'other';

function unreadableView(u: UnreadableResource): UnreadableView {
  return {
    record: recordKindOf(u.resourceType),
    date: u.date,
    instrument: u.instrument?.toUpperCase(),
    reason: u.kind,
    support: { reference: u.id ? `${u.resourceType}/${u.id}` : u.resourceType, detail: u.reason },
  };
}

export const unreadableViews = (history: History): UnreadableView[] => history.unreadable.map(unreadableView);
