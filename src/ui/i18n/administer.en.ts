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
  saving: 'Saving the {{name}}…',
  earlierSave: 'answers kept from earlier',
  retryNow: 'Try again now',
  saveStatus: {
    saved: 'The {{name}} is saved in the health record.',
    'partly-saved': 'The {{name}} is saved, except what this health record does not accept:',
    pending: 'Part of the {{name}} could not be sent yet. It is kept in this browser tab and will be sent again.',
    'session-expired': 'The session with the health record has ended. Re-launch the app from the chart; the answers are kept and will be sent then.',
  },
  entry: {
    saved: {
      questionnaire: 'Form definition published.',
      response: 'Answers saved.',
      observation: 'Scores saved.',
      'flag-create': 'New alert flag saved.',
      'flag-end': 'Cleared alert flag ended.',
      provenance: 'Record of who saved it saved.',
    },
    refused: {
      questionnaire: 'The form definition was not published here; the answers refer to it by its address.',
      response: 'Answers could not be written: this health record does not allow it. They are shown here.',
      observation: 'Scores could not be written: this health record does not allow it. They are shown here.',
      'flag-create': 'Flags could not be written: this health record does not allow it. The alerts are shown here.',
      'flag-end': 'A cleared flag could not be ended: this health record does not allow it. The alerts are shown here.',
      provenance: 'The record of who saved it could not be written: this health record does not allow it.',
    },
    pending: {
      questionnaire: 'Form definition not published yet; will be tried again.',
      response: 'Answers not sent yet; they are kept and will be sent again.',
      observation: 'Scores not sent yet; they will be sent again.',
      'flag-create': 'New alert flag not sent yet; it will be sent again.',
      'flag-end': 'Ending a cleared flag not sent yet; it will be sent again.',
      provenance: 'Record of who saved it not sent yet; it will be sent again.',
    },
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language must fill: the same keys as English, any wording. */
export type AdministerStrings = Strings<typeof administerEn>;
