import type { FrameLocator, Locator, Page } from 'playwright-core';

// The client's side of client mode, driven the ways clients use a tablet or a keyboard: nothing here
// clicks with a mouse or sets values directly.

/** Presses Tab until the target has focus (keyboard users reach every control this way). */
export async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to a rating line and presses the keys (the first step key places the mark at 5.0). */
export async function rateByKeyboard(
  page: Page,
  app: FrameLocator,
  item: string,
  keys: readonly string[],
): Promise<void> {
  await tabTo(page, app.getByRole('slider', { name: item }));
  for (const key of keys) await page.keyboard.press(key);
}

/** Taps a rating line with a finger at `fraction` of its length (0 = left end, 1 = right end). */
export async function rateByTouch(page: Page, app: FrameLocator, item: string, fraction: number): Promise<void> {
  const line = app.getByRole('slider', { name: item });
  await line.scrollIntoViewIfNeeded();
  const box = await line.boundingBox();
  if (!box) throw new Error(`the rating line "${item}" is not on screen`);
  await page.touchscreen.tap(box.x + box.width * fraction, box.y + box.height / 2);
}

/** Taps a button with a finger. */
export async function tap(page: Page, button: Locator): Promise<void> {
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error(`${button.toString()} is not on screen`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** The app's words for the client-mode steps, in each language a journey uses. */
export interface Wording {
  readonly hand: (instrument: string) => string;
  readonly review: string;
  readonly check: string;
  readonly save: string;
  readonly thanks: string;
  readonly forClinician: string;
  readonly confirm: string;
  readonly saved: (instrument: string) => string;
}

export const ENGLISH: Wording = {
  hand: (instrument) => `Hand ${instrument} to the client`,
  review: 'Review answers',
  check: 'Check the answers',
  save: 'Save as complete',
  thanks: 'Thank you!',
  forClinician: 'For your clinician',
  confirm: 'Yes, I am the clinician',
  saved: (instrument) => `The ${instrument} is saved in the health record.`,
};

export const SPANISH: Wording = {
  hand: (instrument) => `Dar ${instrument} al cliente`,
  review: 'Revisar respuestas',
  check: 'Compruebe las respuestas',
  save: 'Guardar como completo',
  thanks: '¡Gracias!',
  forClinician: 'Para su terapeuta',
  confirm: 'Sí, soy el terapeuta',
  saved: (instrument) => `${instrument}: guardado en la historia clínica.`,
};

/** The clinician takes the tablet back: "For your clinician", then confirms. */
export async function handBack(app: FrameLocator, words: Wording = ENGLISH): Promise<void> {
  await app.getByRole('button', { name: words.forClinician }).click();
  await app.getByRole('button', { name: words.confirm }).click();
}

/** Reviews and saves the form as complete with the keyboard; waits for the thank-you screen. */
export async function saveByKeyboard(page: Page, app: FrameLocator, words: Wording = ENGLISH): Promise<void> {
  await tabTo(page, app.getByRole('button', { name: words.review }));
  await page.keyboard.press('Enter');
  await app.getByRole('heading', { name: words.check }).waitFor();
  await tabTo(page, app.getByRole('button', { name: words.save }));
  await page.keyboard.press('Space');
  await app.getByRole('heading', { name: words.thanks }).waitFor();
}

export interface RatingForm {
  /** The short name on the hand-over button (ORS, CSRS, ...). */
  readonly instrument: string;
  /** The rating lines' names, in order. */
  readonly items: readonly string[];
}

export const ORS: RatingForm = { instrument: 'ORS', items: ['Individually', 'Interpersonally', 'Socially', 'Overall'] };

/** Keys that move a placed mark (starting at 5.0) by `tenths` tenths of a point: page keys for whole points. */
function keysFor(tenths: number): string[] {
  const whole = Math.trunc(tenths / 10);
  const rest = tenths - whole * 10;
  return [
    ...Array<string>(Math.abs(whole)).fill(whole > 0 ? 'PageUp' : 'PageDown'),
    ...Array<string>(Math.abs(rest)).fill(rest > 0 ? 'ArrowUp' : 'ArrowDown'),
  ];
}

/**
 * The clinician hands a rating form over and the client rates every line by keyboard: the first key places
 * the mark at 5.0, then item i is moved `tenthsFromMiddle[i]` tenths of a point (+15 gives 6.5, −2 gives 4.8).
 */
export async function giveByKeyboard(
  page: Page,
  app: FrameLocator,
  form: RatingForm,
  tenthsFromMiddle: readonly number[],
  words: Wording = ENGLISH,
): Promise<void> {
  await app.getByRole('button', { name: words.hand(form.instrument) }).click();
  for (const [i, item] of form.items.entries()) {
    await rateByKeyboard(page, app, item, ['ArrowRight', ...keysFor(tenthsFromMiddle[i] ?? 0)]);
  }
}
