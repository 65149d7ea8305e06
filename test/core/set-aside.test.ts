import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration } from '../../src/core/model';
import { cors, day, ors, srs } from './builders';

// Issue 12 (3) and (5): nothing is silently set aside; versions and redos replace; episodes span every contact.

describe('age-band transitions are scored with a visible warning', () => {
  it('scores a CORS given after the 13th birthday and keeps the intake cutoff, so a deterioration alerts', () => {
    // Born 2011-01-10: 12 on 2024-01-03 (child), 13 on 2024-01-17 (adolescent). Intake CORS 30 < 32 (child cutoff).
    // 21 − 30 = −9 ≤ −5: a reliable deterioration, raised although the second CORS is outside its band.
    const a = assessClient({
      birthDate: '2011-01-10',
      administrations: [cors('c1', '2024-01-03T10:00:00Z', 30), cors('c2', '2024-01-17T10:00:00Z', 21)],
    });
    expect(a.outcome).toMatchObject({ cutoff: 32, status: 'deteriorating' });
    expect(a.warnings).toEqual([
      { administrationId: 'c2', kind: 'age-band-mismatch', instrument: 'cors', ageBand: 'adolescent' },
    ]);
    expect(a.unscorable).toEqual([]);
  });
  it('never drops an ORS when only the birth year is known', () => {
    // Born "2010": on 2023-06-01 the client is 12 (if born after 1 June) or 13: the band is uncertain, so no
    // age check applies and nothing is refused. With a full date of birth 2010-12-01 the ORS would be a child's.
    const a = assessClient({
      birthDate: '2010',
      administrations: [ors('o1', '2023-06-01T10:00:00Z', 20), ors('o2', '2023-06-08T10:00:00Z', 11)],
    });
    expect(a.series.outcome).toHaveLength(2);
    expect(a.warnings).toEqual([]);
    expect(a.outcome.status).toBe('deteriorating'); // 11 − 20 = −9
  });
  it('still refuses every form under 6, with the reason, and counts it', () => {
    const a = assessClient({ birthDate: '2020-01-01', administrations: [cors('c', '2024-06-01T10:00:00Z', 20)] });
    expect(a.unscorable.map((u) => u.problem)).toEqual([
      { kind: 'wrong-age-band', instrument: 'cors', ageBand: 'young-child' },
    ]);
    expect(a.notScored).toBe(1);
  });
});

describe('sum exactly, round once', () => {
  it('keeps an exact −5.0 exact when another system answers in decimal points', () => {
    // 4 × 3.75 points = 4 × 37.5 mm = 150 mm = 15.0 points; 15.0 − 20.0 = −5.0: reliable. Rounding each item
    // first would give 4 × 38 mm = 15.2 points and −4.8 (not reliable).
    const foreign: Administration = {
      id: 'f',
      instrument: 'ors',
      authored: day(7),
      status: 'completed',
      answers: { 'ors-1': 37.5, 'ors-2': 37.5, 'ors-3': 37.5, 'ors-4': 37.5 },
    };
    const a = assessClient({ administrations: [ors('o1', day(0), 20), foreign] });
    expect(a.outcome.latest?.total).toBe(15);
    expect(a.outcome.status).toBe('deteriorating');
  });
  it('rounds the sum once, to the nearest tenth of a point', () => {
    // 12.34 + 12.34 + 12.34 + 12.34 mm = 49.36 mm → 49 mm = 4.9 points.
    const a = assessClient({
      administrations: [
        {
          id: 'f',
          instrument: 'ors',
          authored: day(0),
          status: 'completed',
          answers: { 'ors-1': 12.34, 'ors-2': 12.34, 'ors-3': 12.34, 'ors-4': 12.34 },
        },
      ],
    });
    expect(a.outcome.latest?.totalTenths).toBe(49);
  });
});

describe('versions of one response replace each other', () => {
  it('counts only the amended version of a response (same id)', () => {
    const original = ors('x', day(0), 20);
    const amended: Administration = { ...ors('x', day(0), 22), status: 'amended' };
    const a = assessClient({ administrations: [amended, original] });
    expect(a.series.outcome.map((p) => p.total)).toEqual([22]);
    expect(a.superseded).toEqual([
      {
        administrationId: 'x',
        instrument: 'ors',
        authored: day(0),
        date: '2024-01-01',
        supersededBy: 'x',
        reason: 'replaced-version',
      },
    ]);
  });
  it('lets a retraction (entered-in-error) replace the response it retracts', () => {
    const a = assessClient({
      administrations: [ors('x', day(0), 20), { ...ors('x', day(0), 20), status: 'entered-in-error' }],
    });
    expect(a.series.outcome).toEqual([]);
    expect(a.unscorable.map((u) => u.problem.kind)).toEqual(['not-scored-status']);
  });
});

describe('episodes: the gap is measured between any two contacts', () => {
  it('keeps one episode (and its intake) while SRS sessions continue through a 120-day ORS gap', () => {
    // ORS day 0 (20), SRS days 30, 60, 90 (gaps of 30 days), ORS day 120 (11): one episode, session 2,
    // and 11 − 20 = −9 is a reliable deterioration against the real intake.
    const a = assessClient({
      administrations: [
        ors('o1', day(0), 20),
        srs('s1', day(30), 38),
        srs('s2', day(60), 38),
        srs('s3', day(90), 38),
        ors('o2', day(120), 11),
      ],
    });
    expect(a.episodes).toHaveLength(1);
    expect(a.outcome.latest).toMatchObject({ administrationId: 'o2', sessionNumber: 2 });
    expect(a.outcome.status).toBe('deteriorating');
  });
  it('opens a new episode after more than 90 days without any contact', () => {
    const a = assessClient({
      administrations: [ors('o1', day(0), 20), srs('s1', day(10), 38), ors('o2', day(101), 18)],
    });
    // 101 − 10 = 91 > 90.
    expect(a.episodes.map((e) => [e.index, e.intakeId, e.outcomeSessions])).toEqual([
      [1, 'o1', 1],
      [2, 'o2', 1],
    ]);
  });
  it("numbers an SRS written just before its session's ORS with that session", () => {
    const a = assessClient({
      administrations: [srs('s1', '2024-01-01T09:00:00Z', 38), ors('o1', '2024-01-01T09:30:00Z', 20)],
    });
    expect(a.alliance.latest?.sessionNumber).toBe(1);
  });
});
