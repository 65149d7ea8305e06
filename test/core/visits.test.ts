import { describe, expect, it } from 'vitest';
import { visitsByDay } from '../../src/core/series/visits';

const contact = (date: string, episode = 1) => ({ date, episode });

describe('session numbers by visit', () => {
  it('numbers days of contact, whatever the instrument: an SRS-only day is a visit of its own', () => {
    const visits = visitsByDay([
      contact('2025-01-01'),
      contact('2025-01-01'),
      contact('2025-01-08'),
      contact('2025-01-15'),
    ]);
    expect([...visits]).toEqual([
      ['2025-01-01', { episode: 1, number: 1 }],
      ['2025-01-08', { episode: 1, number: 2 }],
      ['2025-01-15', { episode: 1, number: 3 }],
    ]);
  });

  it('gives an SRS entered before the day’s ORS the same number, in any input order', () => {
    const a = visitsByDay([contact('2025-01-08'), contact('2025-01-01'), contact('2025-01-08')]);
    const b = visitsByDay([contact('2025-01-01'), contact('2025-01-08'), contact('2025-01-08')]);
    expect([...a].sort()).toEqual([...b].sort());
    expect(a.get('2025-01-08')).toEqual({ episode: 1, number: 2 });
  });

  it('restarts at 1 in a new episode; a day claimed by two episodes belongs to the later one', () => {
    const visits = visitsByDay([
      contact('2025-01-01'),
      contact('2025-01-08'),
      contact('2025-06-01', 1),
      contact('2025-06-01', 2),
      contact('2025-06-08', 2),
    ]);
    expect(visits.get('2025-01-08')).toEqual({ episode: 1, number: 2 });
    expect(visits.get('2025-06-01')).toEqual({ episode: 2, number: 1 });
    expect(visits.get('2025-06-08')).toEqual({ episode: 2, number: 2 });
  });

  it('is empty for no contact', () => {
    expect(visitsByDay([]).size).toBe(0);
  });
});
