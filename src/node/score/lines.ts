import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

// A plain chunked line splitter: big reads, decoded in pieces cut at newlines (so a UTF-8 character is never
// split), no stream or readline machinery per line. It reads a byte range of the file
// (threads take one range each; ranges start at line starts). A byte-order mark at the start of the file
// is dropped, `\r\n` endings are accepted, and a line longer than the bound is reported and skipped rather
// than held: memory stays within a few chunks whatever the file holds.

const CHUNK = 1 << 20;
/**
 * A chunk is decoded in pieces of about this many bytes (whole lines). A string this small is made and dropped
 * in the young generation; a chunk-sized one is promoted as it is read and left for the next full collection,
 * and the garbage piling up between those made peak memory grow with the input.
 */
const PIECE = 1 << 16;
/** Longer than any resource this tool scores; a line past it is reported, never parsed. */
export const MAX_LINE_BYTES = 64 << 20;

export interface LineVisitor {
  /** `number` counts from 1 at the start of the range. */
  line(text: string, number: number): void;
  tooLong(number: number, bytes: number): void;
}

export interface ByteRange {
  readonly start: number;
  /** Exclusive; undefined reads to the end of the file. */
  readonly end?: number;
}

/**
 * A range read while its owner still decides where it ends: the reader keeps `readUpTo` (how far its reads
 * have gone), and the owner may bring `end` forward to any line start not before it.
 */
export interface OpenRange extends ByteRange {
  end: number;
  readUpTo: number;
}

const isOpen = (range: ByteRange): range is OpenRange => 'readUpTo' in range;

/** The newline ending a piece from `from`: the last one within PIECE bytes, else the next (a long line), at most `last`. */
function pieceEnd(data: Buffer, from: number, last: number): number {
  if (last - from <= PIECE) return last;
  const within = data.lastIndexOf(0x0a, from + PIECE);
  return within >= from ? within : data.indexOf(0x0a, from + PIECE);
}

class Splitter {
  private carry: Buffer = Buffer.alloc(0);
  private skipping = 0; // > 0 while inside an over-long line: its length so far
  number = 0;

  constructor(
    private readonly visitor: LineVisitor,
    private readonly maxLineBytes: number,
    private bom: boolean,
  ) {}

  push(data: Buffer): void {
    let start = 0;
    if (this.skipping > 0) {
      const end = data.indexOf(0x0a);
      if (end < 0) {
        this.skipping += data.length;
        return;
      }
      this.visitor.tooLong(++this.number, this.skipping + end);
      this.skipping = 0;
      start = end + 1;
    }
    const last = data.lastIndexOf(0x0a);
    if (last < start) {
      this.carry = Buffer.concat([this.carry, data.subarray(start)]);
      if (this.carry.length > this.maxLineBytes) {
        this.skipping = this.carry.length;
        this.carry = Buffer.alloc(0);
      }
      return;
    }
    let from = start;
    if (this.carry.length > 0) {
      const first = data.indexOf(0x0a, start);
      this.lines(Buffer.concat([this.carry, data.subarray(start, first)]).toString('utf8'));
      from = first + 1;
    }
    while (from <= last) {
      const cut = pieceEnd(data, from, last);
      this.lines(data.toString('utf8', from, cut));
      from = cut + 1;
    }
    this.carry = Buffer.from(data.subarray(last + 1));
  }

  end(): void {
    if (this.skipping > 0) this.visitor.tooLong(++this.number, this.skipping);
    else if (this.carry.length > 0) this.lines(this.carry.toString('utf8'));
  }

  private lines(text: string): void {
    let from = this.bom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.bom = false;
    while (from <= text.length) {
      const found = text.indexOf('\n', from);
      const end = found < 0 ? text.length : found;
      const cut = end > from && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      this.number++;
      if (end - from > this.maxLineBytes) this.visitor.tooLong(this.number, end - from);
      else this.visitor.line(text.slice(from, cut), this.number);
      from = end + 1;
    }
  }
}

/** Calls `visitor.line` for every line of the range in order; resolves with the number of lines. */
export async function forEachLine(
  path: string,
  visitor: LineVisitor,
  range: ByteRange = { start: 0 },
  maxLineBytes = MAX_LINE_BYTES,
): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const splitter = new Splitter(visitor, maxLineBytes, range.start === 0);
    // Two buffers: the next chunk is read while this one is split, so the thread never waits on the disk
    // (the splitter copies what it keeps of a chunk).
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)] as const;
    const readAt = (position: number, k: number) => {
      const want = range.end === undefined ? CHUNK : Math.min(CHUNK, range.end - position);
      if (want <= 0) return Promise.resolve({ bytesRead: 0 });
      // Never back: a second pass over the range (regrouping patients) must not let a cut fall behind the first.
      if (isOpen(range)) range.readUpTo = Math.max(range.readUpTo, position + want);
      return handle.read(buffers[k % 2]!, 0, want, position);
    };
    let position = range.start;
    let next = readAt(position, 0);
    try {
      for (let k = 1; ; k++) {
        const { bytesRead } = await next;
        if (bytesRead === 0) break;
        position += bytesRead;
        next = readAt(position, k);
        splitter.push(buffers[(k - 1) % 2]!.subarray(0, bytesRead));
      }
    } finally {
      // A visitor that threw leaves a read in flight: the file is closed after it.
      await next.catch(() => undefined);
    }
    splitter.end();
    return splitter.number;
  } finally {
    await handle.close();
  }
}

/**
 * Byte offsets cutting the file from `from` (the start by default) to its end into `parts` ranges; every
 * range after the first starts at a line start. Read synchronously (a few small reads): it is called while
 * this thread is busy scoring, and must not wait for its turn between chunks.
 */
export function lineRanges(path: string, parts: number, from = 0): ByteRange[] {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    const first = Math.min(from, size);
    const probe = Buffer.allocUnsafe(1 << 16);
    const starts = [first];
    for (let k = 1; k < parts; k++) {
      let position = Math.max(starts[k - 1]!, first + Math.floor(((size - first) * k) / parts));
      for (;;) {
        const bytesRead = readSync(fd, probe, 0, probe.length, position);
        const newline = probe.subarray(0, bytesRead).indexOf(0x0a);
        if (bytesRead === 0 || newline >= 0) {
          position = bytesRead === 0 ? size : position + newline + 1;
          break;
        }
        position += bytesRead;
      }
      starts.push(position);
    }
    return starts.map((start, k) => ({ start, end: starts[k + 1] ?? size }));
  } finally {
    closeSync(fd);
  }
}
