import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { given, showRecord } from './support/record';

// Session table notes in both languages (the core's describeProblem stays English for the CLI), and
// responses kept in this tab but not saved: shown, scored, and marked.

const statusCell = (tr: HTMLElement) => tr.querySelector('td:last-child')?.textContent ?? '';
const cellsOf = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

const problems = [
  given('srs', 3, () => 90, { id: 'gap', answers: { 'srs-1': 90, 'srs-2': 90, 'srs-3': 90 } }),
  given('srs', 4, () => 90, { id: 'big', answers: { 'srs-1': 150, 'srs-2': 90, 'srs-3': 90, 'srs-4': 90 } }),
  given('cors', 5, () => 50, { id: 'child-form' }),
  given('ors', 6, () => 50, { id: 'draft', status: 'in-progress' }),
];

describe('why a response is not scored, in the active language', () => {
  it('English', async () => {
    await showRecord(problems);
    const cells = screen.getAllByRole('row').slice(1).map(statusCell);
    expect(cells).toEqual([
      '◐ Incomplete — kept as in progress: it is scored once it is finished',
      '✓ Saved — scored, but the CORS is meant for another age band (Adult)',
      '– Not scored — answer srs-1 is 150, outside 0–100',
      '◐ Incomplete — no answer for srs-4; incomplete responses are not scored',
    ]);
  });

  it('Spanish, with Spanish lists and numbers', async () => {
    await showRecord(
      [
        ...problems,
        given('wai-sr', 7, () => 3, { id: 'wai-gap', answers: { 'wai-sr-1': 3, 'wai-sr-2': 3, 'wai-sr-3': 2.5 } }),
      ],
      { language: 'es' },
    );
    const cells = screen.getAllByRole('row').slice(1).map(statusCell);
    expect(cells[0]).toMatch(
      /^◐ Incompleta — sin respuesta en wai-sr-4, wai-sr-5, .* y wai-sr-12; las respuestas incompletas no se puntúan$/,
    );
    expect(cells).toContain('✓ Guardada — puntuada, pero el CORS está pensado para otra franja de edad (Adulto)');
    expect(cells).toContain('– Sin puntuar — la respuesta srs-1 es 150, fuera de 0–100');
    expect(cells).toContain('◐ Incompleta — quedó en curso: se puntúa cuando se termine');
  });
});

describe('responses kept in this tab, not saved yet', () => {
  const saved = [given('ors', 3, () => 40), given('srs', 3, () => 95), given('ors', 10, () => 45)];
  const unsaved = [given('srs', 10, () => 80), given('ors', 17, () => 30)];

  it('appear in the table as not saved, and count in the assessment', async () => {
    await showRecord(saved, { unsaved });
    const notSaved = '⚠ Not saved — kept in this tab, will be re-sent';
    const rows = screen.getAllByRole('row').slice(1).map(cellsOf);
    expect(rows.filter((cells) => cells.at(-1) === notSaved).map((cells) => cells.slice(0, 4))).toEqual([
      ['Mar 17, 2025', 'ORS', '3', '12.0'],
      ['Mar 10, 2025', 'SRS', '2', '32.0'],
    ]);
    expect(rows.filter((cells) => cells.at(-1) === '✓ Saved')).toHaveLength(3);
    // The unsaved SRS (32.0, from 38.0) is the latest alliance rating: a rupture risk, with its alert.
    const alliance = within(screen.getByRole('heading', { name: 'Alliance', level: 3 }).closest('article')!);
    expect(alliance.getByText('Rupture risk')).toBeTruthy();
    expect(alliance.getByText('The session rating fell 6.0 points since the last session.')).toBeTruthy();
    expect(alliance.getByText(/^Latest SRS: 32\.0/)).toBeTruthy();
    expect(alliance.getByText('Includes answers not saved yet (kept in this tab).')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Possible strain in the working relationship' })).toBeTruthy();
  });

  it('are drawn hollow in the chart, and say so in the tooltip and the table alternative', async () => {
    const user = userEvent.setup();
    await showRecord(saved, { unsaved });
    const outcome = screen.getByRole('figure', { name: 'Outcome (ORS) per session' });
    const marks = within(outcome).getAllByRole('img');
    expect(marks.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Session 1, Mar 3, 2025: 16.0 (expected 16.0) — Individually 4.0 · Interpersonally 4.0 · Socially 4.0 · Overall 4.0',
      expect.stringMatching(/^Session 2, Mar 10, 2025: 18\.0/),
      expect.stringMatching(/^Session 3, Mar 17, 2025: 12\.0 \(not saved\)/),
    ]);
    expect(marks.map((m) => m.classList.contains('point-unsaved'))).toEqual([false, false, true]);
    await user.click(within(outcome).getByText('Show the data as a table'));
    expect(within(outcome).getByRole('table').textContent).toContain('12.0 (not saved)');
  });
});
