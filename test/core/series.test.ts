import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { cors, day, ors, orsSeries, srs, waiSr } from './builders';

describe('same-day duplicates', () => {
  it('counts the latest authored of the day, comparing instants across offsets', () => {
    // 09:00+01:00 is 08:00Z, earlier than 08:30Z although its text sorts later; both are 1 March as written.
    const a = assessClient({
      administrations: [ors('late-text', '2024-03-01T09:00:00+01:00', 20), ors('later', '2024-03-01T08:30:00Z', 22)],
    });
    expect(a.series.outcome.map((p) => p.administrationId)).toEqual(['later']);
    expect(a.superseded).toEqual([
      {
        administrationId: 'late-text',
        instrument: 'ors',
        authored: '2024-03-01T09:00:00+01:00',
        date: '2024-03-01',
        total: 20,
        supersededBy: 'later',
        reason: 'same-day',
      },
    ]);
  });
  it('reports every earlier response of a day, oldest first, as superseded by the latest', () => {
    const a = assessClient({
      administrations: [
        ors('c', '2024-03-01T12:00:00Z', 24),
        ors('a', '2024-03-01T08:00:00Z', 20),
        ors('b', '2024-03-01T10:00:00Z', 22),
      ],
    });
    expect(a.series.outcome.map((p) => p.administrationId)).toEqual(['c']);
    expect(a.superseded.map((s) => [s.administrationId, s.supersededBy])).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });
  it('treats a redo across an offset boundary as a redo, not a second session', () => {
    // 23:30 in New York on 1 March is 04:30Z on 2 March; 06:30 in Paris is 05:30Z. Read in Paris's offset the
    // first response was at 05:30 on 2 March: the same local day, so the later one replaces it.
    const a = assessClient({
      administrations: [ors('ny', '2024-03-01T23:30:00-05:00', 20), ors('paris', '2024-03-02T06:30:00+01:00', 22)],
    });
    expect(a.series.outcome.map((p) => [p.administrationId, p.date, p.sessionNumber])).toEqual([
      ['paris', '2024-03-02', 1],
    ]);
    expect(a.superseded.map((s) => [s.administrationId, s.supersededBy, s.reason])).toEqual([
      ['ny', 'paris', 'same-day'],
    ]);
  });
  it('keeps two sessions on different local days in one offset, even an hour apart', () => {
    // 23:30 and 00:30 the next day, both in −05:00: two calendar days as the client lives them.
    const a = assessClient({
      administrations: [ors('a', '2024-03-01T23:30:00-05:00', 20), ors('b', '2024-03-02T00:30:00-05:00', 22)],
    });
    expect(a.series.outcome.map((p) => p.sessionNumber)).toEqual([1, 2]);
  });
  it('deduplicates per family: an ORS and an SRS the same day both count', () => {
    const a = assessClient({
      administrations: [ors('o', day(0), 20), srs('s', day(0), 38), srs('s2', '2024-01-01T11:00:00+00:00', 37)],
    });
    expect(a.series.outcome).toHaveLength(1);
    expect(a.series.alliance.map((p) => p.administrationId)).toEqual(['s2']);
  });
  it('lets an earlier complete response count when the later one that day is incomplete', () => {
    const incomplete = { ...ors('later', '2024-01-01T12:00:00Z', 30), answers: { 'ors-1': 50 } };
    const a = assessClient({ administrations: [ors('earlier', day(0), 20), incomplete] });
    expect(a.series.outcome.map((p) => p.administrationId)).toEqual(['earlier']);
    expect(a.unscorable.map((u) => [u.administrationId, u.problem.kind])).toEqual([['later', 'incomplete']]);
  });
});

describe('episodes', () => {
  it('keeps one episode across a gap of exactly 90 days and starts a new one after 91', () => {
    const ninety = assessClient({ administrations: [ors('a', day(0), 20), ors('b', day(90), 21)] });
    expect(ninety.episodes).toHaveLength(1);
    expect(ninety.outcome.latest?.sessionNumber).toBe(2);
    const ninetyOne = assessClient({ administrations: [ors('a', day(0), 20), ors('b', day(91), 21)] });
    expect(ninetyOne.episodes.map((e) => [e.index, e.intakeId, e.outcomeSessions])).toEqual([
      [1, 'a', 1],
      [2, 'b', 1],
    ]);
    expect(ninetyOne.outcome.intake?.administrationId).toBe('b');
    expect(ninetyOne.outcome.latest?.sessionNumber).toBe(1);
  });
  it('measures the gap between consecutive responses, not from the intake', () => {
    const a = assessClient({ administrations: [0, 80, 160, 240].map((d, i) => ors(`o${i}`, day(d), 20)) });
    expect(a.episodes).toHaveLength(1);
    expect(a.outcome.points.map((p) => p.sessionNumber)).toEqual([1, 2, 3, 4]);
  });
  it('honours a configured gap', () => {
    const config = { ...assessClient({ administrations: [] }).config, episodeGapDays: 30 };
    const a = assessClient({ administrations: [ors('a', day(0), 20), ors('b', day(31), 21)], config });
    expect(a.episodes).toHaveLength(2);
  });
  it('places alliance responses in the episode whose days contain them', () => {
    const a = assessClient({
      administrations: [
        srs('before-intake', day(-3), 30),
        ors('o1', day(0), 20),
        srs('s1', day(0), 38),
        srs('between', day(10), 37),
        ors('o2', day(14), 22),
        ors('n1', day(200), 25),
        srs('new-intake-day', day(200), 39),
      ],
    });
    const place = Object.fromEntries(a.series.alliance.map((p) => [p.administrationId, [p.episode, p.sessionNumber]]));
    expect(place).toEqual({ 'before-intake': [1, 0], s1: [1, 1], between: [1, 1], 'new-intake-day': [2, 1] });
    expect(a.alliance.points.map((p) => p.administrationId)).toEqual(['new-intake-day']);
  });
  it('makes one episode of alliance responses when there is no outcome response', () => {
    const a = assessClient({ administrations: [srs('s1', day(0), 38), srs('s2', day(7), 30)] });
    expect(a.episodes).toEqual([
      { index: 1, startDate: '2024-01-01', lastOutcomeDate: '2024-01-08', outcomeSessions: 0 },
    ]);
    expect(a.alliance.points).toHaveLength(2);
    expect(a.outcome.status).toBe('no-data');
  });
  it('keeps a child moving from the CORS to the ORS in one outcome series', () => {
    const a = assessClient({
      birthDate: '2011-01-10',
      administrations: [cors('c1', '2024-01-03T10:00:00Z', 20), ors('o2', '2024-01-10T10:00:00Z', 24)],
    });
    expect(a.outcome.points.map((p) => [p.instrument, p.ageBand, p.sessionNumber])).toEqual([
      ['cors', 'child', 1],
      ['ors', 'adolescent', 2],
    ]);
    expect(a.outcome.cutoff).toBe(32);
  });
  it('places WAI-SRs with the session number of the outcome session that day', () => {
    const a = assessClient({
      administrations: [...orsSeries([20, 21, 22]), waiSr('w', day(14), { task: 3, bond: 4, goal: 3 })],
    });
    expect(a.inventory.latest?.sessionNumber).toBe(3);
  });
});

describe('change', () => {
  it('reports change since intake and since the previous response, with reliable change at exactly 5', () => {
    const a = assessClient({ administrations: orsSeries([18, 20.5, 23]) });
    expect(a.outcome.change).toEqual({ sinceIntake: 5, sincePrevious: 2.5, reliable: 'improved' });
    const b = assessClient({ administrations: orsSeries([18, 22.9]) });
    expect(b.outcome.change).toEqual({ sinceIntake: 4.9, sincePrevious: 4.9, reliable: 'none' });
    const c = assessClient({ administrations: orsSeries([18, 13]) });
    expect(c.outcome.change?.reliable).toBe('deteriorated');
    const d = assessClient({ administrations: orsSeries([18]) });
    expect(d.outcome.change).toEqual({ sinceIntake: 0, reliable: 'none' });
  });
});
