import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { caseloadRow, compareByNeed } from '../../src/core/caseload/row';
import { ors, orsSeries, srs } from './builders';

// The caseload row reads the core's assessment: statuses as assessClient gives them, the newest alert, what is
// due at the next session, and the ranking by need.

const today = '2024-03-01';

describe('caseload rows', () => {
  it('a deteriorating client booked today: the status, the high-priority alert, ORS and SRS due, ranked first', () => {
    const assessment = assessClient({ administrations: orsSeries([24, 22, 20, 18, 16]) });
    const row = caseloadRow({ patientId: 'a', assessment, today, birthDate: '1980-01-01', nextAppointment: today });
    expect(row.outcomeStatus).toBe(assessment.outcome.status);
    expect(row.outcomeStatus).toBe('deteriorating');
    expect(row.alert).toMatchObject({ severity: 'high', date: '2024-01-29' });
    // Session 6 and no WAI-SR yet (first due at session 3): due at the end, before the SRS.
    expect(row.due).toEqual(['ors', 'wai-sr', 'srs']);
    expect(row.daysSinceLastMeasure).toBe(32);
    expect(row).toMatchObject({ need: 'alert', offTrack: true, dueToday: true, ageBand: 'adult' });
  });

  it('nothing due on a day the measures were given; a client without alerts booked later ranks after one booked today', () => {
    const given = assessClient({
      administrations: [ors('o1', `${today}T09:00:00+00:00`, 20), srs('s1', `${today}T09:50:00+00:00`, 38)],
    });
    const doneToday = caseloadRow({ patientId: 'b', assessment: given, today, nextAppointment: today });
    expect(doneToday.due).toEqual([]);
    expect(doneToday.need).toBe('rest');
    const fresh = assessClient({ administrations: [] });
    const bookedToday = caseloadRow({ patientId: 'c', assessment: fresh, today, nextAppointment: today });
    const bookedLater = caseloadRow({ patientId: 'd', assessment: fresh, today, nextAppointment: '2024-03-04' });
    expect(bookedToday.need).toBe('due');
    expect(bookedLater.need).toBe('rest');
    const deteriorating = caseloadRow({
      patientId: 'e',
      assessment: assessClient({ administrations: orsSeries([24, 22, 20, 18, 16]) }),
      today,
    });
    expect([bookedLater, doneToday, bookedToday, deteriorating].sort(compareByNeed).map((r) => r.patientId)).toEqual([
      'e',
      'c',
      'b',
      'd',
    ]);
  });
});
