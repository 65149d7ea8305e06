// Writes the published artefacts to questionnaires/ (one JSON file per resource) and removes files
// that the generator no longer produces, so the directory is exactly what the code defines.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { artefactFileName, publishedArtefacts, serializeArtefact } from '../../fhir/questionnaire';

export const ARTEFACT_DIR = 'questionnaires';

export function writeArtefacts(dir: string): { written: string[]; removed: string[] } {
  mkdirSync(dir, { recursive: true });
  const files = new Map(publishedArtefacts().map((a) => [artefactFileName(a), serializeArtefact(a)]));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const removed = readdirSync(dir).filter((name) => name.endsWith('.json') && !files.has(name));
  for (const name of removed) rmSync(join(dir, name));
  return { written: [...files.keys()], removed };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { written, removed } = writeArtefacts(ARTEFACT_DIR);
  console.log(
    `wrote ${written.length} files to ${ARTEFACT_DIR}/${removed.length > 0 ? `, removed ${removed.join(', ')}` : ''}`,
  );
}
