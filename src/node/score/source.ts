import { readFile, stat } from 'node:fs/promises';
import { type ByteRange, forEachLine } from './lines';
import { parseJson, type Where } from './resources';

// Where resources come from: the lines of (a range of) an NDJSON file, or one JSON document (a Bundle). A
// source can be read more than once (a second pass regroups patients whose lines were not together).

export interface SourceVisitor {
  resource(value: unknown, where: Where): void;
  bad(where: string, reason: string): void;
}

export interface Source {
  /** Resolves with the number of lines read. */
  read(visitor: SourceVisitor): Promise<number>;
}

export function ndjsonSource(path: string, range?: ByteRange): Source {
  return {
    read: (visitor) =>
      forEachLine(
        path,
        {
          line(text, number) {
            if (text === '' || text.trim() === '') return;
            const parsed = parseJson(text);
            if (parsed.ok) visitor.resource(parsed.value, number);
            else visitor.bad(`line ${number}`, parsed.error);
          },
          tooLong(number, bytes) {
            visitor.bad(`line ${number}`, `longer than the limit (${bytes} bytes), not read`);
          },
        },
        range,
      ),
  };
}

/** A whole document is held in memory, so it has a size bound. */
export const MAX_DOCUMENT_BYTES = 512 << 20;

export async function documentSource(path: string): Promise<Source> {
  const { size } = await stat(path);
  if (size > MAX_DOCUMENT_BYTES) {
    return {
      read: (visitor) => {
        visitor.bad('document', `${size} bytes is more than one document may hold; write it as NDJSON`);
        return Promise.resolve(1);
      },
    };
  }
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = parseJson(text);
  return {
    read: (visitor) => {
      if (parsed.ok) visitor.resource(parsed.value, 'document');
      else visitor.bad('document', parsed.error);
      return Promise.resolve(1);
    },
  };
}
