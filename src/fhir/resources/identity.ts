// Deterministic identities for everything the app writes. A retried save must build byte-for-byte the same
// resources, so identifiers and bundle fullUrls are derived from the QuestionnaireResponse's identifier
// (minted once, before the first attempt) rather than generated per attempt.
import { IDENTIFIER_SYSTEMS } from '../codes';

export interface IdentifierToken {
  readonly system: string;
  readonly value: string;
}

/**
 * 128 bits from a string (four interleaved 32-bit multiply-xor lanes). Not cryptographic: it only has to be
 * stable and collision-free across the handful of names one patient's records produce.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 0x6a09e667,
    h2 = 0xbb67ae85,
    h3 = 0x3c6ef372,
    h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A name-based UUID (version nibble 8, RFC 9562 "custom") for `text`. */
export function deterministicUuid(text: string): string {
  const hex = hash128(text)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The bundle fullUrl of the resource carrying this identifier. */
export function fullUrlFor(token: IdentifierToken): string {
  return `urn:uuid:${deterministicUuid(tokenSearch(token))}`;
}

/** `system|value`, the token search syntax. */
export function tokenSearch(token: IdentifierToken): string {
  return `${token.system}|${token.value}`;
}

/** One Observation per measure of a response: `<response identifier>/<measure code>`. */
export function observationIdentifier(responseIdentifier: string, measureCode: string): IdentifierToken {
  return { system: IDENTIFIER_SYSTEMS.observation, value: `${responseIdentifier}/${measureCode}` };
}

/**
 * One Flag per patient, rule and the record the raising save was built on (see buildFlag). Hashed so that no
 * patient id shows in search URLs; a retry of the same save rebuilds the same identifier.
 */
export function flagIdentifier(patient: string, rule: string, builtOn: string): IdentifierToken {
  return { system: IDENTIFIER_SYSTEMS.flag, value: deterministicUuid(`${patient}|${rule}|${builtOn}`) };
}

/** R4 Provenance has no `identifier`; the app marks its own with a `meta.tag` and finds them by `_tag`. */
export function provenanceTag(responseIdentifier: string): IdentifierToken {
  return { system: IDENTIFIER_SYSTEMS.provenance, value: responseIdentifier };
}

// Completing a response kept in progress where the server refuses updates: the completed copy is a new
// response, so it cannot carry the in-progress copy's identifier (a conditional create would find that copy
// and write nothing). It carries the administration id, this mark and the copy's `authored` instead (each
// save of a form resumed again is its own copy); the reader maps it back to the administration id, so the
// core sees versions of one response, and the completed (else the latest) one replaces the others.
const COPY_MARK = '~copy~';

/** The identifier value of a later copy, authored at `authored`, of administration `administrationId`. */
export function copyIdentifierValue(administrationId: string, authored: string): string {
  return `${administrationId}${COPY_MARK}${authored}`;
}

/** The administration a response identifier value belongs to (the value itself unless it is a later copy's). */
export function administrationIdOf(identifierValue: string): string {
  const mark = identifierValue.indexOf(COPY_MARK);
  return mark > 0 ? identifierValue.slice(0, mark) : identifierValue;
}
