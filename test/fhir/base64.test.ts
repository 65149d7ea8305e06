import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToUtf8, utf8ToBase64 } from '../../src/fhir/encoding/base64';

// A clinical note's attachments are base64 of UTF-8: what the app writes must read back as it was, in any
// language, and what is not base64 of UTF-8 must be refused, not read as something else.

describe('base64 of UTF-8 text', () => {
  it('reads back any text as it was written', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(base64ToUtf8(utf8ToBase64(text))).toBe(text);
      }),
    );
  });

  it('agrees with the platform on the bytes (accents, emoji, an empty text)', () => {
    for (const text of ['', 'Sesión con el/la cliente: ¿cómo está?', 'a\u{1F600}b', '€ 40.0']) {
      expect(utf8ToBase64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      expect(base64ToUtf8(Buffer.from(text, 'utf8').toString('base64'))).toBe(text);
    }
  });

  it('refuses what is not base64, and bytes that are not UTF-8', () => {
    expect(base64ToUtf8('not base64 at all!')).toBeUndefined();
    expect(base64ToUtf8(Buffer.from([0xff, 0xfe, 0x41]).toString('base64'))).toBeUndefined();
    expect(base64ToUtf8(Buffer.from([0xc3]).toString('base64'))).toBeUndefined(); // a cut-off two-byte sequence
    // The decoder keeps no state between calls: a refused input leaves the next one unharmed.
    expect(base64ToUtf8(Buffer.from('ñ', 'utf8').toString('base64'))).toBe('ñ');
  });
});
