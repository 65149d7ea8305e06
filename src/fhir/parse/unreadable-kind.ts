/**
 * Why a resource of ours could not be read, as a code the view words in the clinician's language. The
 * free-text reason that goes with it names fields and FHIR types: it is for support staff and logs only.
 */
export type UnreadableKind =
  /** Fields missing or not in the expected form (failed validation, nested too deep). */
  | 'damaged'
  /** A form that is none of our measures. */
  | 'unknown-form'
  /** Another system's form of one of our measures with no mapping that says how its answers are scored. */
  | 'unknown-scale'
  | 'no-client'
  | 'other-client'
  | 'no-date'
  | 'future-date'
  /** Neither a server id nor an identifier: it cannot be told apart from other records. */
  | 'no-id'
  /** An answer given twice, several answers to one question, or an answer off the measure's scale. */
  | 'answers'
  /** A second stored copy of answers counted once already. */
  | 'duplicate'
  /** A clinical note of ours that carries nothing readable. */
  | 'empty-note'
  /** Coded in our code system but none of the alerts the app raises. */
  | 'unknown-alert';
