import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { day, ors, orsSeries, srs } from '../core/builders';
import { ndjson, response } from './score-fixtures';

// The command as users run it: `npm run score` is `node scripts/run-cli.mjs score`, the compiled bundle.

const dir = mkdtempSync(join(tmpdir(), 'score-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PatientLine {
  patient: string;
  outcome: { series: { session: number }[]; status: string };
  decisions: { rule: string }[];
  rules: string[];
  ruptures: { measure: string; repaired: boolean | null }[];
  unscored: { id: string; reason: string; detail: string }[];
}

function runCli(tool: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/run-cli.mjs', tool, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runScore(file: string, ...options: string[]): { status: number | null; lines: PatientLine[]; stderr: string } {
  const { status, stdout, stderr } = runCli('score', [...options, file]);
  return {
    status,
    lines: stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as PatientLine),
    stderr,
  };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('npm run score', () => {
  it('writes one line per patient with series, status and active decisions; bad lines go to stderr', () => {
    const deteriorating = orsSeries([20, 18, 14]).map((a) => ({ ...a, id: `p1-${a.id}` }));
    const adolescent = [ors('p2-o1', day(0), 27), srs('p2-s1', day(0), 35)];
    const lines = [
      JSON.stringify({ resourceType: 'Patient', id: 'p2', birthDate: '2010-06-01' }),
      ...deteriorating.map((a) => JSON.stringify(response('p1', a))),
      'this is not json',
      JSON.stringify({ resourceType: 'QuestionnaireResponse', status: 'completed' }),
      '',
      ...adolescent.map((a) => JSON.stringify(response('p2', a))),
      JSON.stringify({ resourceType: 'Observation', id: 'x' }),
      JSON.stringify({ id: 'no-type' }),
    ];
    const { status, lines: out, stderr } = runScore(write('responses.ndjson', lines.join('\n')));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^line 5: not JSON/m);
    expect(stderr).toMatch(/^line 6: /m);
    expect(stderr).toMatch(/^line 11: not a FHIR resource \(no resourceType\)/m);
    expect(stderr).not.toMatch(/^line 10:/m);
    expect(stderr).toMatch(/scored 5 responses for 2 patients; 3 bad; skipped \(not scored\): Observation 1$/m);
    expect(out.map((l) => l.patient).sort()).toEqual(['Patient/p1', 'Patient/p2']);
    const p1 = out.find((l) => l.patient === 'Patient/p1')!;
    const p2 = out.find((l) => l.patient === 'Patient/p2')!;
    expect(p1.outcome).toMatchObject({
      intake: 20,
      latest: 14,
      cutoff: 25,
      status: 'deteriorating',
      change: { sinceIntake: -6, reliable: 'deteriorated' },
    });
    expect(p1.outcome.series.map((p) => p.session)).toEqual([1, 2, 3]);
    expect(p1.decisions.map((d) => d.rule)).toEqual(['outcome-deterioration', 'outcome-not-on-track-early']);
    expect(p1.rules).toEqual(['outcome-deterioration', 'outcome-not-on-track-early']);
    // One session of an adolescent: nothing to judge yet.
    expect(p2).toMatchObject({
      birthDate: '2010-06-01',
      outcome: { cutoff: 28, status: 'too-early' },
      alliance: { latest: 35, status: 'concern' },
    });
  });

  it('prints rupture episodes with repaired, and every response not scored with its reason', () => {
    // SRS 38, 39, 38 then 33: the level is the median 38 and 38 − 33 = 5 ≥ 4, a rupture at session 4;
    // 34, 35, 36 never return to 38 within 3 ratings: repaired false, and the rule is active.
    const sessions = [38, 39, 38, 33, 34, 35, 36].flatMap((s, i) => [
      ors(`r-o${i}`, day(i * 7), 20),
      srs(`r-s${i}`, day(i * 7), s),
    ]);
    const incomplete = { ...ors('r-x', day(60), 20), answers: { 'ors-1': 50 } };
    const file = join(dir, 'ruptures.ndjson');
    writeFileSync(file, [...sessions, incomplete].map((a) => JSON.stringify(response('r1', a))).join('\n'));
    const [line] = runScore(file).lines;
    expect(line?.ruptures).toEqual([
      expect.objectContaining({ measure: 'session-rating', session: 4, level: 38, value: 33, repaired: false }),
    ]);
    expect(line?.rules).toContain('alliance-rupture-unresolved');
    expect(line?.unscored).toEqual([expect.objectContaining({ id: 'r-x', reason: 'incomplete' })]);
  });

  it("applies the organisation's scoring from --config, and refuses a config it cannot read", () => {
    const file = join(dir, 'config-case.ndjson');
    writeFileSync(
      file,
      orsSeries([20, 16])
        .map((a) => JSON.stringify(response('c1', { ...a, id: `c1-${a.id}` })))
        .join('\n'),
    );
    expect(runScore(file).lines[0]?.outcome.status).toBe('too-early'); // −4 < the default RCI of 5
    const config = JSON.parse(readFileSync('smart-launch.json', 'utf8')) as Record<string, unknown>;
    const strict = join(dir, 'strict-smart-launch.json');
    writeFileSync(strict, JSON.stringify({ ...config, scoring: { orsReliableChange: 4 } }));
    expect(runScore(file, '--config', strict).lines[0]?.outcome.status).toBe('deteriorating'); // −4 ≤ −4
    const refused = runScore(file, '--config', join(dir, 'missing.json'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('cannot read');
  });

  it('reads a pretty-printed Bundle and exits 0 when every entry is good', () => {
    const entries = orsSeries([15, 16]).map((a) => ({ resource: response('b1', a) }));
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'b1', birthDate: '1990-01-01' } }, ...entries],
    };
    const { status, lines } = runScore(write('bundle.json', JSON.stringify(bundle, null, 2)));
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ patient: 'Patient/b1', birthDate: '1990-01-01', outcome: { latest: 16 } });
  });

  it('exits 2 with a message when the file cannot be read', () => {
    const { status, stderr } = runScore(join(dir, 'missing.ndjson'));
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read');
  });
});

describe('npm run score under attack (issue 11)', () => {
  it('reads NDJSON whose first line is longer than 4 KB line by line, not as one document', () => {
    const longPatient = {
      resourceType: 'Patient',
      id: 'long',
      birthDate: '1980-01-01',
      name: [{ text: 'x'.repeat(10_000) }],
    };
    const file = write(
      'long-first.ndjson',
      ndjson([longPatient, ...orsSeries([20, 22]).map((a) => response('long', a))]),
    );
    const { status, lines, stderr } = runScore(file);
    expect(stderr).not.toContain('document');
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ patient: 'Patient/long', birthDate: '1980-01-01', outcome: { latest: 22 } });
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const text = `\uFEFF${orsSeries([20, 25])
      .map((a) => JSON.stringify(response('bom', a)))
      .join('\r\n')}\r\n`;
    const { status, lines } = runScore(write('bom.ndjson', text));
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ patient: 'Patient/bom', outcome: { intake: 20, latest: 25 } });
  });

  it("scores the project's own seed output with exit 0, counting the types it does not score", () => {
    const file = join(dir, 'seed.ndjson');
    expect(runCli('seed', ['--patients', '4', '--out', file]).status).toBe(0);
    const { status, lines, stderr } = runScore(file);
    expect(status).toBe(0);
    expect(lines).toHaveLength(4);
    expect(stderr).toMatch(/; 0 bad; skipped \(not scored\): .*Encounter \d+.*Practitioner 2/);
  });

  it('lists a QuestionnaireResponse nested 1,000 deep with a reason and scores the rest', () => {
    const deep: fhir4.QuestionnaireResponse = response('deep', ors('deep-o1', day(0), 20));
    let item: fhir4.QuestionnaireResponseItem = { linkId: 'leaf' };
    for (let level = 0; level < 1_000; level++) item = { linkId: `g${level}`, item: [item] };
    deep.item = [...(deep.item ?? []), item];
    const file = write('deep.ndjson', ndjson([deep, ...orsSeries([20, 21]).map((a) => response('fine', a))]));
    const { status, lines, stderr } = runScore(file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^line 1: item: nested deeper than 32 levels$/m);
    expect(lines.map((l) => l.patient)).toEqual(['Patient/fine']);
  });
});
