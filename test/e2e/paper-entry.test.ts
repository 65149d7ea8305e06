import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { questionnaireUrl } from '../../src/fhir/codes';
import { browserInstalled } from './support/browser';
import { launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { patientRecord } from './support/record';
import { responseCells, sessionNumbers } from './support/session-table';

// Paper forms in the clinician view (issue 13), with Hannah Ito (p12): back in a second episode with two
// sessions a week apart. A paper SRS dated between them is its own visit (the sessions after it renumber,
// no two rows share a number); a measure given again the same day is asked about first; a form kept as
// in progress opens again with its answers and, finished, stays one response.

const NAME = 'Hannah Ito';
const SRS_ITEMS = ['Relationship', 'Goals and Topics', 'Approach or Method', 'Overall'];
const ORS_ITEMS = ['Individually', 'Interpersonally', 'Socially', 'Overall'];
const SYSTEM_WORDS = /QuestionnaireResponse|Questionnaire|Observation|\bflags?\b|in-progress|error/i;

const DAY_MS = 86_400_000;
const shiftDay = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);
const shown = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(iso));

const paperPoints = (app: FrameLocator, item: string) => app.getByLabel(`${item}: points from the paper form`);
const report = (app: FrameLocator, instrument: string) =>
  app
    .getByRole('status')
    .filter({ hasText: `The ${instrument} is saved in the health record.` })
    .last();

async function fillPaper(
  app: FrameLocator,
  items: readonly string[],
  points: readonly (string | undefined)[],
): Promise<void> {
  for (const [i, item] of items.entries()) {
    const value = points[i];
    if (value !== undefined) await paperPoints(app, item).fill(value);
  }
}

async function review(app: FrameLocator, choice: 'Save as complete' | 'Keep as in progress'): Promise<void> {
  await app.getByRole('button', { name: 'Review answers' }).click();
  await app.getByRole('heading', { name: 'Check the answers' }).waitFor();
  await app.getByRole('button', { name: choice }).click();
}

describe.skipIf(!browserInstalled)('paper forms', () => {
  const harness = useHarness();

  it('back-dates a paper SRS with a date picker (not in the future, not before the episode); that day is its own visit', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, NAME);
    expect(await sessionNumbers(app, 'SRS')).toEqual(['2', '1', '4', '3', '2', '1']);
    await app.getByRole('button', { name: 'Enter SRS from paper' }).click();
    const date = app.getByLabel('Date on the paper form');
    const [today, episodeStart] = [await date.getAttribute('max'), await date.getAttribute('min')];
    expect(await date.inputValue()).toBe(today);
    const refusal = app
      .getByRole('alert')
      .filter({ hasText: 'Choose a day from the start of this episode up to today' });

    await date.fill(shiftDay(today!, 1));
    await refusal.waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await a11y('paper date in the future');
    await date.fill(shiftDay(episodeStart!, -1));
    await refusal.waitFor();
    // The episode's sessions are a week apart: two days after its start is a day without a session.
    const paperDay = shiftDay(episodeStart!, 2);
    await date.fill(paperDay);
    await refusal.waitFor({ state: 'detached' });
    await fillPaper(app, SRS_ITEMS, ['9.1', '8.8', '9.4', '9.0']);
    await review(app, 'Save as complete');
    await report(app, 'SRS').waitFor();
    const said = await report(app, 'SRS').innerText();
    expect(said).toContain('Answers saved.');
    expect(said).toContain('Scores saved.');
    expect(said).not.toMatch(SYSTEM_WORDS);

    // The record holds it on the paper's day; the view numbers visits, whatever was given on each.
    const record = await patientRecord(harness.env.sandbox, 'p12');
    const onPaperDay = record.responses.filter(
      (r) => r.questionnaire?.split('|')[0] === questionnaireUrl('srs') && r.authored?.startsWith(paperDay),
    );
    expect(onPaperDay).toHaveLength(1);
    await expect.poll(() => sessionNumbers(app, 'SRS')).toEqual(['3', '2', '1', '4', '3', '2', '1']);
    expect(await sessionNumbers(app, 'ORS')).toEqual(['3', '1', '4', '3', '2', '1']);
    const paperRow = (await responseCells(app, 'SRS')).find((r) => r['Date'] === shown(paperDay));
    expect(paperRow).toMatchObject({ Session: '2', Score: '36.3' });
    const srsChart = app.getByRole('figure', { name: 'Session rating (SRS) per session' });
    const labels = await srsChart.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.map((l) => l?.match(/^Session (\d+)/)?.[1])).toEqual(['1', '2', '3']);
    await app.getByText('Session 4 of this episode').waitFor();
  });

  it('asks before a measure already given today is given again', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, NAME);
    await app.getByRole('button', { name: 'Enter ORS from paper' }).click();
    await fillPaper(app, ORS_ITEMS, ['5.0', '5.5', '6.0', '5.5']);
    await review(app, 'Save as complete');
    await report(app, 'ORS').waitFor();

    const again = app.getByRole('button', { name: 'Enter ORS from paper' });
    const question = app.getByRole('alertdialog');
    await again.click();
    expect(await question.innerText()).toContain('The ORS was already given today.');
    await a11y('giving a measure again the same day');
    await question.getByRole('button', { name: 'Keep today’s answers' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await app.getByLabel('Date on the paper form').count()).toBe(0);

    await again.click();
    await question.getByRole('button', { name: 'Give the ORS again' }).click();
    await paperPoints(app, 'Individually').waitFor();
    await app.getByRole('button', { name: /^Close without saving/ }).click();
    const todayShown = shown(new Date().toISOString());
    expect((await responseCells(app, 'ORS')).filter((r) => r['Date'] === todayShown)).toHaveLength(1);
  });

  it('keeps a paper SRS as in progress, opens it again with its answers, and finishes it as one response', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, NAME);
    const todayShown = shown(new Date().toISOString());
    await app.getByRole('button', { name: 'Enter SRS from paper' }).click();
    await fillPaper(app, SRS_ITEMS, ['8.0', '7.5']);
    await review(app, 'Keep as in progress');
    await report(app, 'SRS').waitFor();
    expect(await report(app, 'SRS').innerText()).not.toMatch(SYSTEM_WORDS);

    const kept = app.getByRole('region', { name: 'Kept as in progress' });
    await kept.getByText(`SRS of ${todayShown}: 2 of 4 answered`).waitFor();
    await a11y('a form kept as in progress');
    await kept.getByRole('button', { name: 'Continue SRS from paper' }).click();
    expect(await paperPoints(app, 'Relationship').inputValue()).toBe('8.0');
    expect(await paperPoints(app, 'Goals and Topics').inputValue()).toBe('7.5');
    expect(await paperPoints(app, 'Approach or Method').inputValue()).toBe('');
    await fillPaper(app, SRS_ITEMS, [undefined, undefined, '8.5', '8.0']);
    await review(app, 'Save as complete');
    // Completed in place where the record lets the app change a saved form; otherwise as a new one, said so.
    const completed = app
      .getByRole('status')
      .filter({ hasText: /the form kept as in progress is now complete|the completed form is saved as a new one/ });
    await completed.waitFor();
    // Each thing saved said in plain words: the low rating raised an alliance alert, recorded in the chart.
    const said = await completed.innerText();
    expect(said).toContain('New alert recorded in the chart.');
    expect(said).not.toMatch(SYSTEM_WORDS);

    await expect.poll(() => kept.count()).toBe(0);
    const today = (await responseCells(app, 'SRS')).filter((r) => r['Date'] === todayShown);
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({
      Score: '32.0',
      Items: 'Relationship 8.0 · Goals and Topics 7.5 · Approach or Method 8.5 · Overall 8.0',
      Status: '✓ Saved',
    });
  });
});
