export { createFhirEngine, DEFAULT_BASE_URL } from './engine';
export { loadFhirDefinitions } from './definitions';
export { SUPPORTED_RESOURCE_TYPES } from './supported';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './search-handler';
export type {
  EngineMethod,
  EngineRequest,
  EngineResponse,
  EngineSettings,
  FhirEngine,
  FhirEngineOptions,
  SmartEndpoints,
  TransactionFault,
} from './types';
export { SANDBOX_STORY_EXTENSION } from './types';
