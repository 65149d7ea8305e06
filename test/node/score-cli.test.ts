import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { day, ors, orsSeries, srs } from '../core/builders';

const dir = mkdtempSync(join(tmpdir(), 'score-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function response(patient: string, a: Administration): fhir4.QuestionnaireResponse {
  return { ...buildQuestionnaireResponse(instruments[a.instrument as 'ors'], a, { subject: `Patient/${patient}`, identifierValue: a.id }), id: `qr-${a.id}` };
}

interface PatientLine {
  patient: string;
  outcome: { series: { session: number }[]; status: string };
  decisions: { rule: string }[];
  rules: string[];
  ruptures: { measure: string; repaired: boolean | null }[];
  unscored: { id: string; reason: string; detail: string }[];
}

function runScore(file: string, ...options: string[]): { status: number | null; lines: PatientLine[]; stderr: string } {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/node/cli/score.ts', ...options, file], { encoding: 'utf8' });
  const lines = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as PatientLine);
  return { status: result.status, lines, stderr: result.stderr };
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
    ];
    const file = join(dir, 'responses.ndjson');
    writeFileSync(file, lines.join('\n'));
    const { status, lines: out, stderr } = runScore(file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^line 5: not JSON/m);
    expect(stderr).toMatch(/^line 6: /m);
    expect(stderr).toMatch(/^line 10: not a QuestionnaireResponse, Patient or Bundle \(resourceType: Observation\)/m);
    expect(out.map((l) => l.patient)).toEqual(['Patient/p1', 'Patient/p2']);
    const [p1, p2] = out as [PatientLine, PatientLine];
    expect(p1.outcome).toMatchObject({ intake: 20, latest: 14, cutoff: 25, status: 'deteriorating', change: { sinceIntake: -6, reliable: 'deteriorated' } });
    expect(p1.outcome.series.map((p) => p.session)).toEqual([1, 2, 3]);
    expect(p1.decisions.map((d) => d.rule)).toEqual(['outcome-deterioration', 'outcome-not-on-track-early']);
    expect(p1.rules).toEqual(['outcome-deterioration', 'outcome-not-on-track-early']);
    // One session of an adolescent: nothing to judge yet.
    expect(p2).toMatchObject({ birthDate: '2010-06-01', outcome: { cutoff: 28, status: 'too-early' }, alliance: { latest: 35, status: 'concern' } });
  });

  it('prints rupture episodes with repaired, and every response not scored with its reason', () => {
    // SRS 38, 39, 38 then 33: the level is the median 38 and 38 − 33 = 5 ≥ 4, a rupture at session 4;
    // 34, 35, 36 never return to 38 within 3 ratings: repaired false, and the rule is active.
    const sessions = [38, 39, 38, 33, 34, 35, 36].flatMap((s, i) => [ors(`r-o${i}`, day(i * 7), 20), srs(`r-s${i}`, day(i * 7), s)]);
    const incomplete = { ...ors('r-x', day(60), 20), answers: { 'ors-1': 50 } };
    const file = join(dir, 'ruptures.ndjson');
    writeFileSync(file, [...sessions, incomplete].map((a) => JSON.stringify(response('r1', a))).join('\n'));
    const [line] = runScore(file).lines;
    expect(line?.ruptures).toEqual([expect.objectContaining({ measure: 'session-rating', session: 4, level: 38, value: 33, repaired: false })]);
    expect(line?.rules).toContain('alliance-rupture-unresolved');
    expect(line?.unscored).toEqual([expect.objectContaining({ id: 'r-x', reason: 'incomplete' })]);
  });

  it("applies the organisation's scoring from --config, and refuses a config it cannot read", () => {
    const file = join(dir, 'config-case.ndjson');
    writeFileSync(file, orsSeries([20, 16]).map((a) => JSON.stringify(response('c1', { ...a, id: `c1-${a.id}` }))).join('\n'));
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
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'b1', birthDate: '1990-01-01' } }, ...entries] }, null, 2));
    const { status, lines } = runScore(file);
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
