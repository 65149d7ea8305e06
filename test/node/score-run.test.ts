import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Administration } from '../../src/core/model';
import { forEachLine, lineRanges, type OpenRange } from '../../src/node/score/lines';
import { scoreFile, type ScoreOptions } from '../../src/node/score/run';
import { day, ors, srs } from '../core/builders';
import { ndjson, response } from './score-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'score-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Twelve patients, three sessions each, every patient with a Patient resource. */
function population(): { patient: string; resources: unknown[] }[] {
  return Array.from({ length: 12 }, (_, p) => {
    const sessions: Administration[] = [0, 1, 2].flatMap((s) => [
      ors(`p${p}-o${s}`, day(s * 7), 10 + p + s),
      srs(`p${p}-s${s}`, day(s * 7), 30 + s),
    ]);
    return {
      patient: `p${p}`,
      resources: [
        { resourceType: 'Patient', id: `p${p}`, birthDate: '1990-01-01' },
        ...sessions.map((a) => response(`p${p}`, a)),
      ],
    };
  });
}

async function score(
  name: string,
  resources: readonly unknown[],
  options: ScoreOptions,
): Promise<{ lines: string[]; errors: string }> {
  const file = join(dir, name);
  writeFileSync(file, ndjson(resources));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  let errors = '';
  await scoreFile(file, out, { write: (text: string) => (errors += text) }, options);
  return { lines: Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).sort(), errors };
}

describe('scoring runs', () => {
  const grouped = population().flatMap((p) => p.resources);
  // Round-robin over patients: no patient's lines are together.
  const interleaved: unknown[] = [];
  const rounds = population().map((p) => p.resources);
  for (let i = 0; i < 7; i++) for (const resources of rounds) interleaved.push(resources[i]);

  it('gives the same patients, once each, whether lines are grouped or not, on one thread or two, in memory or spilled', async () => {
    const reference = await score('grouped.ndjson', grouped, { threads: 1 });
    expect(reference.lines).toHaveLength(12);
    expect(reference.errors).toBe('');
    for (const [name, options] of [
      ['in memory', { threads: 1 }],
      ['spilled', { threads: 1, patientsPerBucket: 5 }],
      ['two threads, spilled', { threads: 2, patientsPerBucket: 2, cutBeforeReading: true }],
      ['three threads', { threads: 3, cutBeforeReading: true }],
    ] as const) {
      const run = await score(`interleaved-${name}.ndjson`, interleaved, options);
      expect(run.lines, name).toEqual(reference.lines);
    }
    // Grouped input cut into ranges: patients whose lines cross a cut are joined from both sides.
    for (const threads of [2, 3, 5])
      expect(
        (await score(`grouped-${threads}.ndjson`, grouped, { threads, cutBeforeReading: true })).lines,
        `${threads} threads`,
      ).toEqual(reference.lines);
  });

  it('gives the same patients when the other threads take their share only once they have loaded', async () => {
    const reference = await score('grouped-reference.ndjson', grouped, { threads: 1 });
    expect((await score('grouped-late-threads.ndjson', grouped, { threads: 3 })).lines).toEqual(reference.lines);
    // Lines not grouped: this thread may finish a first pass and be regrouping when the others are ready.
    expect((await score('interleaved-late-threads.ndjson', interleaved, { threads: 2 })).lines).toEqual(
      reference.lines,
    );
  });

  it('numbers problem lines from the start of the file whichever range found them', async () => {
    const resources = [...grouped];
    resources.splice(60, 0, { resourceType: 'QuestionnaireResponse', status: 'completed' });
    const run = await score('late-problem.ndjson', resources, { threads: 3, cutBeforeReading: true });
    expect(run.errors.trim().split('\n')).toEqual([expect.stringMatching(/^line 61: not one of our instruments/)]);
    expect(run.lines).toHaveLength(12);
  });
});

describe('the line splitter', () => {
  it('cuts a file into ranges at line starts that cover it exactly', async () => {
    const file = join(dir, 'ranges.ndjson');
    const lines = Array.from({ length: 100 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(i * 7)}"}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ranges = lineRanges(file, 4);
    const seen: string[] = [];
    for (const range of ranges)
      await forEachLine(
        file,
        {
          line: (text) => {
            if (text !== '') seen.push(text);
          },
          tooLong: () => undefined,
        },
        range,
      );
    expect(seen).toEqual(lines);
    expect(ranges[0]!.start).toBe(0);
  });

  it('reads an open range up to the end its owner moves while reading, never past it', async () => {
    const file = join(dir, 'open-range.ndjson');
    const lines = Array.from({ length: 40_000 }, (_, i) => `{"n":${i},"pad":"${'y'.repeat(80)}"}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const [, after] = lineRanges(file, 2, 5 << 20);
    const cut = after!.start;
    const range: OpenRange = { start: 0, end: readFileSync(file).length, readUpTo: 0 };
    const seen: string[] = [];
    const total = await forEachLine(
      file,
      {
        line: (text) => {
          // Moved while the first chunks are in: the reads so far have not gone past the cut.
          if (seen.length === 0) {
            expect(range.readUpTo).toBeLessThanOrEqual(cut);
            range.end = cut;
          }
          if (text !== '') seen.push(text);
        },
        tooLong: () => undefined,
      },
      range,
    );
    expect(range.readUpTo).toBe(cut);
    let end = 0; // each line's end, its newline included
    expect(seen).toEqual(lines.filter((line) => (end += line.length + 1) <= cut));
    expect(total).toBe(seen.length);
    // A second pass over the range (regrouping) does not take its progress back: a cut made now stays behind it.
    const progress: number[] = [];
    await forEachLine(file, { line: () => progress.push(range.readUpTo), tooLong: () => undefined }, range);
    expect(Math.min(...progress)).toBe(cut);
  });

  it('keeps characters whole across chunk boundaries and numbers lines', async () => {
    const file = join(dir, 'boundary.ndjson');
    const long = `${'a'.repeat((1 << 20) - 3)}é€😀`;
    writeFileSync(file, `first\n${long}\r\n\nlast`);
    const seen: [number, string][] = [];
    const total = await forEachLine(file, { line: (text, n) => seen.push([n, text]), tooLong: () => undefined });
    expect(total).toBe(4);
    expect(seen.map(([n]) => n)).toEqual([1, 2, 3, 4]);
    expect(seen[1]![1]).toBe(long);
    expect(seen[3]![1]).toBe('last');
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(4);
  });

  it('gives every line whole and in order, whatever its length against the pieces a chunk is decoded in', async () => {
    const file = join(dir, 'pieces.ndjson');
    // Lines from empty to longer than a decoded piece (64 KB), multi-byte characters at every offset, CRLF
    // endings: over several 1 MB chunks, the pieces' cuts fall everywhere.
    const lines = Array.from({ length: 120 }, (_, i) =>
      i % 13 === 0 ? '' : `${i}:${'é€😀x'.repeat((i * 7919) % 8_000)}`,
    );
    writeFileSync(file, lines.map((line, i) => (i % 5 === 0 ? `${line}\r` : line)).join('\n'));
    const seen: string[] = [];
    const total = await forEachLine(file, { line: (text) => seen.push(text), tooLong: () => undefined });
    expect(total).toBe(lines.length);
    expect(seen).toEqual(lines);
  });

  it('reports a line past the bound instead of holding it', async () => {
    const file = join(dir, 'too-long.ndjson');
    writeFileSync(file, `short\n${'x'.repeat(3 << 20)}\nafter\n`);
    const lines: string[] = [];
    const tooLong: number[] = [];
    await forEachLine(
      file,
      { line: (text) => lines.push(text), tooLong: (n) => tooLong.push(n) },
      { start: 0 },
      1 << 20,
    );
    expect(lines).toEqual(['short', 'after']);
    expect(tooLong).toEqual([2]);
  });
});
