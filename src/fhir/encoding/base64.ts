// Attachment data is base64 of bytes; the app's text is UTF-8 (Spanish notes have accents), in the browser
// and in Node alike (both have TextEncoder, btoa and atob).

export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text, or undefined when `data` is not base64 of UTF-8. Bytes are copied by index: a long history read
 * from clinical notes decodes thousands of attachments, and a per-character callback cost 70 µs a note.
 */
export function base64ToUtf8(data: string): string | undefined {
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
