// Optional persistence of the store to one JSON file: read (through zod) at start, rewritten after
// writes — debounced, and atomically (temporary file + rename) so a crash never leaves half a file.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { isResource } from '@medplum/core';
import { z } from 'zod';
import { fail, succeed, type Result } from '../../../core/result';
import type { ResourceStore } from './resource-store';

const FORMAT = 'therapy-feedback-sandbox-store/1';
const DEBOUNCE_MS = 150;

const storedResourceSchema = z.looseObject({ resourceType: z.string().min(1), id: z.string().min(1) });
const fileSchema = z.object({
  format: z.literal(FORMAT),
  resources: z.array(z.object({ versions: z.array(storedResourceSchema).min(1), deleted: z.boolean() })),
});

/** How many resources were loaded, or why the file could not be. */
export type LoadResult = Result<number>;

/** Loads the file into the store; 0 when there is no file yet. */
export async function loadStoreFile(file: string, store: ResourceStore): Promise<LoadResult> {
  if (!existsSync(file)) return succeed(0);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return fail(`${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return fail(`${file} is not a sandbox store: ${z.prettifyError(parsed.error)}`);
  let loaded = 0;
  for (const entry of parsed.data.resources) {
    const versions = entry.versions.filter((v) => isResource(v));
    if (versions.length !== entry.versions.length) return fail(`${file} holds an entry that is not a FHIR resource`);
    store.load(versions, entry.deleted);
    loaded++;
  }
  return succeed(loaded);
}

export class StoreWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly store: ResourceStore,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot = JSON.stringify({ format: FORMAT, resources: [...this.store.dump()] });
    this.writing = this.writing.then(() => this.writeAtomically(snapshot));
    return this.writing;
  }

  private async writeAtomically(content: string): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, this.file);
  }
}
