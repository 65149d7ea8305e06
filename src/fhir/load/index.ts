export * from './history';
export { historySearches, ourQuestionnaireCanonicals, DEFAULT_PAGE_SIZE } from './searches';
