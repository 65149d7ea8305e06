import { open } from 'node:fs/promises';
import { MAX_LINE_BYTES } from './lines';
import { parseJson } from './resources';

// NDJSON or one JSON document? Decided by the first line, read whole however long it is (a Bundle line
// or a CodeSystem can be far past any fixed head size): a first line that is JSON by itself means NDJSON
// (a one-line document is a one-line NDJSON file too); one that is not, yet opens an object or array,
// is the start of a pretty-printed document.

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      const data = chunk.subarray(0, bytesRead);
      const end = data.indexOf(0x0a);
      parts.push(end < 0 ? data : data.subarray(0, end));
      size += bytesRead;
      if (end >= 0 || bytesRead === 0 || size > MAX_LINE_BYTES) break;
    }
    return Buffer.concat(parts)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd();
  } finally {
    await handle.close();
  }
}

export async function looksLikeDocument(path: string): Promise<boolean> {
  const line = await firstLine(path);
  return /^\s*[[{]/.test(line) && !parseJson(line).ok;
}
