// Attachment data is base64 of bytes; the app's text is UTF-8 (Spanish notes have accents), in the browser
// and in Node alike (both have TextEncoder, btoa and atob).

export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The text, or undefined when `data` is not base64 of UTF-8. */
export function base64ToUtf8(data: string): string | undefined {
  try {
    const binary = atob(data);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
