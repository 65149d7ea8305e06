import { open } from 'node:fs/promises';

// A plain chunked line splitter: big reads, one decode per chunk (cut at its last newline, so a UTF-8
// character is never split), no stream or readline machinery per line. A byte-order mark before line 1 is
// dropped, `\r\n` endings are accepted, and a line longer than the bound is reported and skipped rather
// than held: memory stays within a few chunks whatever the file holds.

const CHUNK = 1 << 20;
/** Longer than any resource this tool scores; a line past it is reported, never parsed. */
export const MAX_LINE_BYTES = 64 << 20;

export interface LineVisitor {
  line(text: string, number: number): void;
  tooLong(number: number, bytes: number): void;
}

function stripLine(text: string, number: number): string {
  const unmarked = number === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return unmarked.endsWith('\r') ? unmarked.slice(0, -1) : unmarked;
}

/** Calls `visitor.line` for every line of the file in order; resolves with the number of lines. */
export async function forEachLine(path: string, visitor: LineVisitor, maxLineBytes = MAX_LINE_BYTES): Promise<number> {
  const handle = await open(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let skipping = 0; // > 0 while inside an over-long line: its length so far
    let number = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const data = chunk.subarray(0, bytesRead);
      let start = 0;
      if (skipping > 0) {
        const end = data.indexOf(0x0a);
        if (end < 0) { skipping += bytesRead; continue; }
        visitor.tooLong(++number, skipping + end);
        skipping = 0;
        start = end + 1;
      }
      const last = data.lastIndexOf(0x0a);
      if (last < start) {
        carry = Buffer.concat([carry, data.subarray(start)]);
        if (carry.length > maxLineBytes) { skipping = carry.length; carry = Buffer.alloc(0); }
        continue;
      }
      const text = (carry.length > 0 ? Buffer.concat([carry, data.subarray(start, last)]) : data.subarray(start, last)).toString('utf8');
      carry = Buffer.from(data.subarray(last + 1));
      for (let from = 0; from <= text.length; ) {
        const found = text.indexOf('\n', from);
        const end = found < 0 ? text.length : found;
        number++;
        if (end - from > maxLineBytes) visitor.tooLong(number, end - from);
        else visitor.line(stripLine(text.slice(from, end), number), number);
        from = end + 1;
      }
    }
    if (skipping > 0) visitor.tooLong(++number, skipping);
    else if (carry.length > 0) {
      number++;
      visitor.line(stripLine(carry.toString('utf8'), number), number);
    }
    return number;
  } finally {
    await handle.close();
  }
}
