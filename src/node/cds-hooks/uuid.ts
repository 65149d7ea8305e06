import { createHash } from 'node:crypto';

// Name-based UUIDs (RFC 9562 version 5): the same patient, rule and evidence always give the same card
// uuid, so an EHR can recognise a card it has shown before and feedback can be matched to it.

/** This service's own namespace for card ids: fixed forever, or every EHR would see every card as new. */
const CARD_NAMESPACE = 'b3c1f0a4-6f0e-5d2a-9c57-2f4d8e61a0b7';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function uuidV5(name: string, namespace: string = CARD_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return formatUuid(hash);
}

/** Parts are joined with a separator no FHIR id or rule code contains, so different inputs never collide. */
export function cardUuid(parts: readonly string[]): string {
  return uuidV5(parts.join('\u001f'));
}
