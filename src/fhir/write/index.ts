// The write side of the FHIR boundary: plan, build, save, and keep unsaved work.
export type * from './types';
export { planWrites, updatesResponses } from './plan';
export { RefusalMemory } from './refusal-memory';
export { describePlanPaths } from './describe-plan';
export {
  buildWriteSet,
  recordBasis,
  type ActiveFlagOnServer,
  type AssessmentForSave,
  type SaveContext,
  type WriteSetInput,
} from './write-set';
export { saveAdministration } from './save';
export { prepareSave, type PrepareSaveInput, type SaveParties } from './prepare';
export { prepareRuptureNoteSave, type RuptureNoteSaveInput } from './rupture-note-save';
export type { RetryOptions } from './retry';
export {
  Outbox,
  responseOf,
  type KeptSave,
  type OutboxStorage,
  type PendingSave,
  type ResendableSave,
  type ResendOptions,
} from './outbox';
export { activeFlagsOf, flagRetirements, retireDuplicateFlags } from './flag-retire';
export { withFreshFlags } from './refresh-flags';
