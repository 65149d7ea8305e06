export * from './scopes';
export * from './detect';
export * from './smart-configuration';
