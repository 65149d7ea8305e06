export * from './history';
export { historySearches, ourQuestionnaireCanonicals, questionnaireSearch, DEFAULT_PAGE_SIZE } from './searches';
