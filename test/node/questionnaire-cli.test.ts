import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { artefactFileName, publishedArtefacts } from '../../src/fhir/questionnaire';
import { writeArtefacts } from '../../src/node/cli/generate-questionnaires';

describe('writeArtefacts', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes one pretty JSON file per artefact, ending in a newline, and removes stale JSON only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'artefacts-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'Questionnaire-gone.json'), '{}\n');
    writeFileSync(join(dir, 'notes.txt'), 'kept');

    const { written, removed } = writeArtefacts(dir);

    expect(removed).toEqual(['Questionnaire-gone.json']);
    expect(written).toEqual(publishedArtefacts().map(artefactFileName));
    expect(readdirSync(dir).sort()).toEqual([...written, 'notes.txt'].sort());
    const text = readFileSync(join(dir, 'Questionnaire-wai-sr.json'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "resourceType": "Questionnaire",');
    expect((JSON.parse(text) as fhir4.Questionnaire).url).toMatch(/\/Questionnaire\/wai-sr$/);
  });
});
