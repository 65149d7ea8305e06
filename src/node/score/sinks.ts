import { closeSync, openSync, writeSync } from 'node:fs';

// Output of one thread goes to its own file in large writes; the main thread copies the files out in
// range order, so the output of a run does not depend on which thread finished first.

/**
 * Bytes gathered before a write. Small enough that what is gathered is written while still in the young
 * generation: gathering a megabyte promoted every line of it, and the garbage left between full collections
 * made peak memory grow with the input.
 */
const FLUSH_BYTES = 1 << 16;

export interface Sink {
  write(text: string): unknown;
}

export class FileSink implements Sink {
  private fd: number | undefined;
  private pending: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  /** Opens the file again to append (after it was closed and rewritten by someone else). */
  reopen(): void {
    this.fd ??= openSync(this.path, 'a');
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.fd === undefined) throw new Error(`${this.path} is closed`);
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}
