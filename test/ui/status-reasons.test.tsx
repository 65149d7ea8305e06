import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { given, showRecord } from './support/record';

// The alliance card says why it reads "Concern" or "Rupture risk", from the core's own decisions; the
// latest session rating alone may be at or above the cutoff.

const srs = (day: number, mm: number) => given('srs', day, () => mm);
const ors = (day: number, mm: number) => given('ors', day, () => mm);
const allianceCard = () => within(screen.getByRole('heading', { name: 'Alliance', level: 3 }).closest('article')!);

describe('the alliance status explains itself', () => {
  it('a sharp drop to a rating at the cutoff: rupture risk, with the drop in points', async () => {
    await showRecord([ors(3, 50), srs(3, 100), ors(10, 52), srs(10, 90)]);
    const card = allianceCard();
    expect(card.getByText('Rupture risk')).toBeTruthy();
    expect(card.getByText(/^Latest SRS: 36\.0/)).toBeTruthy();
    expect(card.getByRole('list', { name: 'Why' }).textContent).toBe(
      'The session rating fell 4.0 points since the last session.',
    );
    expect(card.getByText('Alliance cutoff 36.0')).toBeTruthy();
  });

  it('two concerns in a row', async () => {
    await showRecord([ors(3, 50), srs(3, 88), ors(10, 52), srs(10, 87)]);
    const reasons = allianceCard()
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(reasons).toEqual(['Two sessions in a row below 36.0.']);
  });

  it('a concern while an outcome flag is active', async () => {
    await showRecord([ors(3, 40), ors(10, 40), ors(17, 41), srs(17, 85)]);
    expect(allianceCard().getByText('Below 36.0 while an outcome flag is active.')).toBeTruthy();
  });

  it('a WAI-SR drop with good session ratings: concern, naming the subscale', async () => {
    const taskItems = new Set([0, 1, 9, 11]);
    await showRecord([
      ors(3, 50),
      srs(3, 96),
      given('wai-sr', 3, () => 5),
      ors(24, 52),
      srs(24, 96),
      given('wai-sr', 24, (i) => (taskItems.has(i) ? 3 : 5)),
    ]);
    const card = allianceCard();
    expect(card.getByText('Concern')).toBeTruthy();
    expect(card.getByText(/^Latest SRS: 38\.4/)).toBeTruthy();
    expect(card.getByText('WAI-SR Task fell since the last inventory.')).toBeTruthy();
  });

  it('a plain concern says the latest rating is below the cutoff; a good alliance gives no reasons', async () => {
    const { unmount } = await showRecord([ors(3, 50), srs(3, 85)]);
    expect(allianceCard().getByText('The latest session rating is below 36.0.')).toBeTruthy();
    unmount();
    await showRecord([ors(3, 50), srs(3, 95)]);
    expect(allianceCard().queryByRole('list', { name: 'Why' })).toBeNull();
  });

  it('in Spanish', async () => {
    const taskAndBond = new Set([0, 1, 9, 11, 2, 4, 6, 8]);
    await showRecord(
      [
        ors(3, 50),
        srs(3, 88),
        given('wai-sr', 3, () => 5),
        ors(24, 52),
        srs(24, 87),
        given('wai-sr', 24, (i) => (taskAndBond.has(i) ? 3 : 5)),
      ],
      { language: 'es' },
    );
    const card = within(screen.getByRole('heading', { name: 'Alianza', level: 3 }).closest('article')!);
    expect(card.getByRole('list', { name: 'Por qué' }).textContent).toBe(
      'Dos sesiones seguidas por debajo de 36,0.WAI-SR: las subescalas Tarea y Vínculo bajaron desde el inventario anterior.',
    );
  });
});
