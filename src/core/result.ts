// The one result shape of every layer: a value, or an error saying why not (a message, a list of messages,
// or a structured problem). Failures are values, never exceptions, at every boundary.

export type Result<T, E = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const succeed = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

export const fail = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });
