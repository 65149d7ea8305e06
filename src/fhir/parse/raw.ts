/**
 * A string field of input that failed validation, so that a "could not read" entry can still show the
 * resource's id or date. Never trusted beyond being displayed.
 */
export function rawString(resource: unknown, key: string): string | undefined {
  if (typeof resource !== 'object' || resource === null) return undefined;
  const value: unknown = (resource as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
