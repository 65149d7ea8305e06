// The `administer` namespace: the forms, client mode and the session flow. Instrument wording is not here:
// it comes from the instrument definitions in src/core/instruments.

export const administerEn = {
  ratingValueText: '{{points}} out of 10',
  notRatedYet: 'not rated yet',
  ratingStarted: 'Mark placed at {{points}}. Use the arrow keys to move it.',
  paperPointsLabel: '{{label}}: points from the paper form',
  paperPointsInvalid: 'Enter a number from 0.0 to 10.0, with at most one decimal.',
  progress: '{{answered}} of {{total}} answered',
  toReview: 'Review answers',
  reviewHeading: 'Check the answers',
  notAnswered: 'Not answered',
  unansweredHeading_one: '{{count}} item not answered yet',
  unansweredHeading_other: '{{count}} items not answered yet',
  answerItem: 'Answer “{{item}}”',
  completeNeedsAll: 'Every item needs an answer before the form can be saved as complete. You can keep it as in progress.',
  backToForm: 'Back to the form',
  keepInProgress: 'Keep as in progress',
  saveComplete: 'Save as complete',
  draftUnreadable: 'Answers kept from earlier could not be read, so the form starts empty.',
} as const;

export type AdministerStrings = { readonly [K in keyof typeof administerEn]: string };
