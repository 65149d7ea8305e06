import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { given, showRecord } from './support/record';

// Issue 12 in the clinician view: the new status codes, the band and rupture episodes in words, in both languages.

const card = (name: string) => within(screen.getByRole('heading', { name, level: 3 }).closest('article')!);

// SRS 38, 39, 38, then 33 (a reliable drop of 5 below the level 38), then 34, 35, 36: not back within 3 ratings.
const srsTotals = [38, 39, 38, 33, 34, 35, 36];
const unresolved = [
  ...srsTotals.map((t, i) => given('ors', 1 + i * 4, () => 50, { id: `o${i}` })),
  ...srsTotals.map((t, i) => given('srs', 1 + i * 4, () => t * 2.5, { id: `s${i}` })),
];

describe('the status cards speak issue 12', () => {
  it('says "too early" on the intake alone', async () => {
    await showRecord([given('ors', 1, () => 45)]);
    expect(card('Outcome').getByText(/Too early to judge$/)).toBeTruthy();
  });
  it('shows an unresolved rupture with the next step, and the band', async () => {
    await showRecord(unresolved);
    const alliance = card('Alliance');
    expect(alliance.getByText(/Unresolved rupture$/)).toBeTruthy();
    expect(
      alliance.getByText(
        /^Rupture in the session rating at session 4 \(.+\): not repaired — talk about what happened between you\.$/,
      ),
    ).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: 'A rupture in the working relationship has not been repaired' }),
    ).toBeTruthy();
    // Intake 20 held at 20 for 7 sessions: below the band of the expected course (red).
    expect(card('Outcome').getByText('Below the band of the expected course for this intake (red).')).toBeTruthy();
  });
  it('says the same in Spanish', async () => {
    await showRecord(unresolved, { language: 'es' });
    const alliance = within(screen.getByRole('heading', { name: 'Alianza', level: 3 }).closest('article')!);
    expect(alliance.getByText(/Ruptura sin reparar$/)).toBeTruthy();
    expect(
      alliance.getByText(
        /^Ruptura en la valoración de la sesión en la sesión 4 \(.+\): sin reparar: hablen de lo que pasó entre ustedes\.$/,
      ),
    ).toBeTruthy();
  });
});
