// Shared wording: the app frame, the launch page and every failure screen. Plain objects so that the
// launch page can read them without loading i18next.
export const commonEn = {
  appName: 'Therapy Feedback',
  loading: 'Loading the client’s history…',
  print: 'Print',
  launching: 'Connecting to the health record…',
  retry: 'Try again',
  whatToDo: 'What to do',
  skipToContent: 'Skip to the content',
  failure: {
    'config-unavailable': {
      title: 'The app’s configuration could not be loaded',
      body: 'The file smart-launch.json did not arrive ({{detail}}).',
      action: 'Ask your system administrator to check that the app is deployed with its smart-launch.json.',
    },
    'config-invalid': {
      title: 'The app’s configuration is broken',
      body: 'smart-launch.json has these problems:',
      action: 'Ask your system administrator to correct the fields listed above.',
    },
    'missing-iss': {
      title: 'The app was opened without a health record',
      body: 'The launch address has no “iss” parameter, so the app does not know which FHIR server to connect to.',
      action: 'Open the app from the patient’s chart in your EHR, or add ?iss=<FHIR base URL> for a standalone launch.',
    },
    'unknown-issuer': {
      title: 'This health record is not registered',
      body: 'The app has no registration for the server {{iss}}.',
      action: 'Ask your system administrator to add this server to smart-launch.json.',
    },
    'authorize-failed': {
      title: 'The sign-in could not start',
      body: 'The authorization server could not be reached or refused the request ({{detail}}).',
      action: 'Try again. If it keeps failing, tell your system administrator.',
    },
    'access-denied': {
      title: 'Access was not granted',
      body: 'The sign-in was cancelled or the health record refused the app the access it asked for.',
      action:
        'Launch the app again from the chart and approve the access, or ask your administrator for the permission.',
    },
    'auth-error': {
      title: 'The sign-in failed',
      body: 'The authorization server answered: {{detail}}.',
      action: 'Launch the app again from the patient’s chart.',
    },
    'no-patient': {
      title: 'No patient was selected',
      body: 'The health record did not tell the app which patient to show.',
      action: 'Open the app from a patient’s chart, or choose a patient when the sign-in asks for one.',
    },
    'session-expired': {
      title: 'Your session has ended',
      body: 'The app’s access to the health record has expired or was never set up in this window.',
      action: 'Re-launch the app from the patient’s chart.',
    },
    unreachable: {
      title: 'The health record cannot be reached',
      body: 'The FHIR server did not answer ({{detail}}).',
      action: 'Check the connection and try again.',
    },
    'unsupported-fhir': {
      title: 'This FHIR version is not supported',
      body: 'The server speaks FHIR {{version}}; the app needs FHIR R4 (4.0.x).',
      action: 'Ask your system administrator to connect the app to the server’s R4 endpoint.',
    },
    'server-error': {
      title: 'The health record returned an error',
      body: 'The server answered with status {{detail}}.',
      action: 'Try again. If it keeps failing, tell your system administrator.',
    },
  },
};

export type CommonMessages = typeof commonEn;
