import { closeSync, openSync, writeSync } from 'node:fs';

// Output of one thread goes to its own file in large writes; the main thread copies the files out in
// partition order, so the output of a run does not depend on which thread finished first.

export interface Sink {
  write(text: string): unknown;
}

export class FileSink implements Sink {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Error lines, handed on in batches (a thread posts them to the main thread). */
export class BatchSink implements Sink {
  private pending = '';

  constructor(private readonly deliver: (text: string) => void) {}

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending === '') return;
    this.deliver(this.pending);
    this.pending = '';
  }
}
