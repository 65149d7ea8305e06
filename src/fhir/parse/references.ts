// References arrive relative (`Patient/abc`), absolute (Epic: `https://host/api/FHIR/R4/Patient/abc`),
// versioned (`Patient/abc/_history/2`) or as canonicals (`http://…/Questionnaire/ors|1.0.0`). The app
// compares them in one form: `Type/id`.

const LITERAL_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

export interface ParsedReference {
  readonly type: string;
  readonly id: string;
}

/** `Type/id` of a literal reference in any of its forms; undefined for contained (`#x`), `urn:` or junk. */
export function parseReference(reference: string): ParsedReference | undefined {
  if (reference.startsWith('#') || reference.startsWith('urn:')) return undefined;
  const match = LITERAL_REFERENCE.exec(reference.split('?')[0] ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  return { type: match[1], id: match[2] };
}

/** The reference as `Type/id`, or the input unchanged when it is not a literal reference. */
export function normaliseReference(reference: string): string {
  const parsed = parseReference(reference);
  return parsed ? `${parsed.type}/${parsed.id}` : reference;
}

const TYPE_NAME = /^[A-Z][A-Za-z]+$/;
const BARE_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The id of a reference when it points at the given type (`Patient/abc` → `abc`). */
export function referenceId(reference: string | undefined, type: string): string | undefined {
  if (reference === undefined) return undefined;
  // The usual relative form, read without the general pattern (every response of a population has one):
  // it gives what the pattern gives, which is left to every other form.
  if (reference.charCodeAt(type.length) === 0x2f && reference.startsWith(type) && TYPE_NAME.test(type)) {
    const id = reference.slice(type.length + 1);
    if (BARE_ID.test(id)) return id;
  }
  const parsed = parseReference(reference);
  return parsed?.type === type ? parsed.id : undefined;
}

/** A server id that arrives as a full URL (some servers put one in `id` or `fullUrl`) → the bare id. */
export function normaliseId(id: string): string {
  return id.includes('/') ? (parseReference(id)?.id ?? id) : id;
}

export interface Canonical {
  readonly url: string;
  readonly version?: string;
}

export function splitCanonical(canonical: string): Canonical {
  const bar = canonical.indexOf('|');
  if (bar < 0) return { url: canonical };
  const version = canonical.slice(bar + 1);
  return version === '' ? { url: canonical.slice(0, bar) } : { url: canonical.slice(0, bar), version };
}
