// The zod schemas of everything the app reads from a FHIR server, and the one way to run them.
export * from './validate';
export * from './datatypes';
export * from './patient';
export * from './questionnaire';
export * from './questionnaire-response';
export * from './clinical';
export * from './bundle';
export * from './operation-outcome';
export * from './capability-statement';
export * from './smart-configuration';
