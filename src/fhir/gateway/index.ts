export * from './types';
export * from './fhir-error';
export * from './fetch-transport';
export * from './fhirclient-transport';
