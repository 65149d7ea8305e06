import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration } from '../../src/core/model';
import { dueInstruments } from '../../src/core/due';
import { day, ors, orsSeries, srs, waiSr } from './builders';

const dueFor = (
  administrations: Administration[],
  today: string,
  ageBand: Parameters<typeof dueInstruments>[0]['ageBand'] = 'adult',
) => dueInstruments({ assessment: assessClient({ administrations }), ageBand, today });

describe('dueInstruments', () => {
  it('offers the ORS at the start and the SRS at the end of a first session', () => {
    const due = dueFor([], '2024-01-01');
    expect(due).toMatchObject({
      sessionNumber: 1,
      sessionStart: { offer: true, instrument: 'ors' },
      sessionEnd: { offer: true, instrument: 'srs' },
    });
    expect(due.inventory).toEqual({ offer: false, reason: 'not-due-yet', instrument: 'wai-sr', dueAtSession: 3 });
  });
  it('does not offer a measure already given today', () => {
    const due = dueFor([ors('o1', day(0), 20), srs('s1', day(0), 38)], '2024-01-01');
    expect(due.sessionStart).toEqual({ offer: false, reason: 'done-today', instrument: 'ors' });
    expect(due.sessionEnd).toEqual({ offer: false, reason: 'done-today', instrument: 'srs' });
    expect(due.sessionNumber).toBe(1);
  });
  it('offers the child forms for 6–12 and no WAI-SR', () => {
    const due = dueFor([], '2024-01-01', 'child');
    expect(due.sessionStart).toEqual({ offer: true, instrument: 'cors' });
    expect(due.sessionEnd).toEqual({ offer: true, instrument: 'csrs' });
    expect(due.inventory).toEqual({ offer: false, reason: 'not-for-age-band' });
  });
  it('offers nothing under 6, saying why', () => {
    const due = dueFor([], '2024-01-01', 'young-child');
    expect([due.sessionStart, due.sessionEnd, due.inventory]).toEqual(
      Array(3).fill({ offer: false, reason: 'under-6-not-scored' }),
    );
  });
  it('assumes the adult forms when the age band is unknown, and says so', () => {
    expect(
      dueInstruments({ assessment: assessClient({ administrations: [] }), ageBand: undefined, today: '2024-01-01' }),
    ).toMatchObject({ ageBand: 'adult', ageBandAssumed: true });
  });
  it('makes the WAI-SR due at the end of session 3, then every 4 sessions after the last one', () => {
    expect(dueFor(orsSeries([20, 20]), '2024-01-15').inventory).toEqual({
      offer: true,
      instrument: 'wai-sr',
      dueAtSession: 3,
    });
    expect(dueFor(orsSeries([20, 20, 20]), '2024-01-15').inventory).toMatchObject({ offer: true, dueAtSession: 3 });
    const withWai = [...orsSeries([20, 20, 20]), waiSr('w', day(14), { task: 4, bond: 4, goal: 4 })];
    expect(dueFor(withWai, '2024-01-15').inventory).toEqual({
      offer: false,
      reason: 'done-today',
      instrument: 'wai-sr',
    });
    expect(dueFor(withWai, '2024-01-22').inventory).toEqual({
      offer: false,
      reason: 'not-due-yet',
      instrument: 'wai-sr',
      dueAtSession: 7,
    });
    const later = [...orsSeries([20, 20, 20, 20, 20, 20]), waiSr('w', day(14), { task: 4, bond: 4, goal: 4 })];
    expect(dueFor(later, '2024-02-12')).toMatchObject({
      sessionNumber: 7,
      inventory: { offer: true, dueAtSession: 7 },
    });
  });
  it('starts counting again in a new episode', () => {
    const due = dueFor(
      [...orsSeries([20, 20, 20, 20]), waiSr('w', day(14), { task: 4, bond: 4, goal: 4 })],
      '2024-12-01',
    );
    expect(due.sessionNumber).toBe(1);
    expect(due.inventory).toMatchObject({ offer: false, reason: 'not-due-yet', dueAtSession: 3 });
  });
  it('numbers today as the session table does: a day with only an SRS is a visit too', () => {
    // ORS on days 0 and 7, an SRS alone on day 10: the table shows visits 1, 2, 3, so day 14 is visit 4.
    const history = [...orsSeries([20, 20]), srs('s', day(10), 30)];
    expect(dueFor(history, '2024-01-15')).toMatchObject({ sessionNumber: 3, visitNumber: 4 });
    expect(dueFor(history, '2024-01-11')).toMatchObject({ visitNumber: 3 });
    expect(dueFor(history, '2024-12-01')).toMatchObject({ visitNumber: 1 });
  });
});
