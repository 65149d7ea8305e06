import { readFile, stat } from 'node:fs/promises';
import { forEachLine } from './lines';
import { cheapPatient, partitionOf } from './partition';
import { parseJson } from './resources';

// Where resources come from: the lines of an NDJSON file, or one JSON document (a Bundle). A source can
// be read more than once (a second pass regroups patients whose lines were not together).

export interface SourceVisitor {
  /** `owned`: only this partition sees it, so it reports it; otherwise partition 0 reports for all. */
  resource(value: unknown, where: string, owned: boolean): void;
  bad(where: string, reason: string, owned: boolean): void;
}

export interface Source {
  read(visitor: SourceVisitor): Promise<number>;
}

export function ndjsonSource(path: string, partition: number, partitions: number): Source {
  return {
    read: (visitor) => forEachLine(path, {
      line(text, number) {
        if (text === '' || text.trim() === '') return;
        const guess = cheapPatient(text);
        if (guess !== undefined && partitionOf(guess, partitions) !== partition) return;
        const owned = guess !== undefined;
        const parsed = parseJson(text);
        if (parsed.ok) visitor.resource(parsed.value, `line ${number}`, owned);
        else visitor.bad(`line ${number}`, parsed.reason, owned);
      },
      tooLong(number, bytes) {
        visitor.bad(`line ${number}`, `longer than the limit (${bytes} bytes), not read`, false);
      },
    }),
  };
}

/** A whole document is held in memory, so it has a size bound. */
export const MAX_DOCUMENT_BYTES = 512 << 20;

export async function documentSource(path: string): Promise<Source> {
  const { size } = await stat(path);
  if (size > MAX_DOCUMENT_BYTES) {
    return { read: (visitor) => { visitor.bad('document', `${size} bytes is more than one document may hold; write it as NDJSON`, false); return Promise.resolve(1); } };
  }
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = parseJson(text);
  return {
    read: (visitor) => {
      if (parsed.ok) visitor.resource(parsed.value, 'document', false);
      else visitor.bad('document', parsed.reason, false);
      return Promise.resolve(1);
    },
  };
}
