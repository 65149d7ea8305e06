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
  completeNeedsAll:
    'Every item needs an answer before the form can be saved as complete. You can keep it as in progress.',
  backToForm: 'Back to the form',
  keepInProgress: 'Keep as in progress',
  saveComplete: 'Save as complete',
  draftUnreadable: 'Answers kept from earlier could not be read, so the form starts empty.',
  greeting: 'Hello, and thank you for taking a moment.',
  handBackHeading: 'Thank you!',
  handBackText: 'Please hand the tablet back to your clinician.',
  clinicianOnly: 'For your clinician',
  clinicianQuestion: 'This button is for your clinician. Do you want to leave this screen?',
  clinicianConfirm: 'Yes, I am the clinician',
  backToMyForm: 'No, back to my form',
  stayHere: 'No, stay here',
  under6:
    'No measure is offered: the client is under 6. The young-child versions are conversation aids and are not scored in this app.',
  sessionNumber: 'Session {{number}} of this episode',
  ageBandAssumed: 'The client’s birth date is not known, so the forms for adults are offered.',
  handToClient: 'Hand {{name}} to the client',
  enterPaper: 'Enter {{name}} from paper',
  resume: {
    heading: 'Kept as in progress',
    item: '{{name}} of {{date}}: {{answered}} of {{total}} answered',
    inTab: '{{name}}: answers kept in this tab, not saved yet',
    client: 'Continue {{name}} with the client',
    paper: 'Continue {{name}} from paper',
  },
  cancelPaper: 'Close without saving (the answers are kept for later)',
  waiting_one: 'One save from earlier is kept in this tab and has not reached the health record yet.',
  waiting_other: '{{count}} saves from earlier are kept in this tab and have not reached the health record yet.',
  sendNow: 'Send now',
  ruptureNote: {
    legend: 'Record a rupture in this session',
    kind: {
      withdrawal: 'Withdrawal (the client pulled back, went quiet or agreed too readily)',
      confrontation: 'Confrontation (the client voiced anger or criticism)',
    },
    addressed: 'We talked about it in the session',
    save: 'Save rupture note',
    title: 'rupture note',
  },
  paperDate: {
    label: 'Date on the paper form',
    invalid: 'Choose a day from the start of this episode up to today; until then the form is dated today.',
  },
  replace: {
    question:
      'The {{name}} was already given today. Giving it again replaces today’s answers in the scores and charts; the earlier answers stay in the record, marked as not counted.',
    keep: 'Keep today’s answers',
    confirm: 'Give the {{name}} again',
  },
  moment: { sessionStart: 'Start of session', sessionEnd: 'End of session', inventory: 'Working alliance' },
  offer: {
    due: 'Due now',
    'done-today': 'Already given today',
    'not-due-yet': 'Next due at session {{session}}',
    'not-for-age-band': 'Not for this age group',
    'under-6-not-scored': 'Not offered under 6',
  },
  saving: 'Saving the {{name}}…',
  earlierSave: 'form kept from earlier',
  retryNow: 'Try again now',
  earlierCopyKept:
    'This health record does not let the app change a saved form, so the copy kept as in progress stays in the record and the completed form is saved as a new one. This view counts only the completed one.',
  saveStatus: {
    saved: 'The {{name}} is saved in the health record.',
    'partly-saved': 'The {{name}} is saved, except what this health record does not accept:',
    pending: 'Part of the {{name}} could not be sent yet. It is kept in this browser tab and will be sent again.',
    pendingAll: 'The {{name}} could not be sent yet. It is kept in this browser tab and will be sent again.',
    'session-expired':
      'The session with the health record has ended. Re-launch the app from the chart; the answers are kept and will be sent then.',
  },
  entry: {
    saved: {
      questionnaire: 'Form definition published.',
      response: 'Answers saved.',
      'response-update': 'Answers saved: the form kept as in progress is now complete.',
      observation: 'Scores saved.',
      'flag-create': 'New alert recorded in the chart.',
      'flag-end_one': 'An alert that no longer applies was ended in the chart.',
      'flag-end_other': '{{count}} alerts that no longer apply were ended in the chart.',
      note: 'Clinical note saved in the chart.',
      provenance: 'Record of who saved it saved.',
      'rupture-note': 'Rupture note saved in the chart.',
    },
    refused: {
      response: 'Answers could not be written: this health record does not allow it. They are shown here.',
      'response-update': 'Answers could not be written over the form kept as in progress. They are shown here.',
      observation: 'Scores could not be written: this health record does not allow it. They are shown here.',
      'flag-create':
        'Alerts could not be recorded in the chart: this health record does not allow it. They are shown here.',
      'flag-end':
        'An alert that no longer applies could not be ended in the chart: this health record does not allow it. The alerts are shown here.',
      note: 'The clinical note could not be written: this health record does not allow it.',
      provenance: 'The record of who saved it could not be written: this health record does not allow it.',
      'rupture-note': 'The rupture note could not be written: this health record does not allow it.',
    },
    pending: {
      questionnaire: 'Form definition not published yet; will be tried again.',
      response: 'Answers not sent yet; they are kept and will be sent again.',
      'response-update': 'Answers not sent yet; they are kept and will be sent again.',
      observation: 'Scores not sent yet; they will be sent again.',
      'flag-create': 'New alert not sent yet; it will be sent again.',
      'flag-end': 'Ending an alert that no longer applies not sent yet; it will be sent again.',
      note: 'Clinical note not sent yet; it will be sent again.',
      provenance: 'Record of who saved it not sent yet; it will be sent again.',
      'rupture-note': 'Rupture note not sent yet; it will be sent again.',
    },
    info: {
      questionnaire:
        'The form definition is not published in this health record; that is fine, the answers name it by its address.',
    },
    noted: {
      response: 'Answers saved inside the clinical note (this health record takes no responses from apps).',
      'response-update': 'Answers saved inside the clinical note (this health record takes no responses from apps).',
      observation: 'Scores written in the clinical note (this health record takes no score results from apps).',
      'flag-create': 'Alerts written in the clinical note (this health record takes no alerts from apps).',
      'rupture-note':
        'Rupture note saved in the clinical note (this health record takes no rupture records from apps).',
    },
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language must fill: the same keys as English, any wording. */
export type AdministerStrings = Strings<typeof administerEn>;
