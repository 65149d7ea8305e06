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
export async function rateByKeyboard(page: Page, app: FrameLocator, item: string, keys: readonly string[]): Promise<void> {
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

/** The clinician takes the tablet back: "For your clinician", then confirms. */
export async function handBack(app: FrameLocator): Promise<void> {
  await app.getByRole('button', { name: 'For your clinician' }).click();
  await app.getByRole('button', { name: 'Yes, I am the clinician' }).click();
}

export const ORS_ITEMS = ['Individually', 'Interpersonally', 'Socially', 'Overall'] as const;

/** Reviews and saves the form as complete with the keyboard; waits for the thank-you screen. */
export async function saveByKeyboard(page: Page, app: FrameLocator): Promise<void> {
  await tabTo(page, app.getByRole('button', { name: 'Review answers' }));
  await page.keyboard.press('Enter');
  await app.getByRole('heading', { name: 'Check the answers' }).waitFor();
  await tabTo(page, app.getByRole('button', { name: 'Save as complete' }));
  await page.keyboard.press('Space');
  await app.getByRole('heading', { name: 'Thank you!' }).waitFor();
}

/**
 * The clinician hands the ORS over and the client rates every line by keyboard: the first key places the
 * mark at 5.0 and each ArrowDown takes 0.1 off, so `tenths[i]` below 5.0 gives item i the value 5.0 − tenths/10.
 */
export async function giveOrs(page: Page, app: FrameLocator, tenthsBelowMiddle: readonly [number, number, number, number]): Promise<void> {
  await app.getByRole('button', { name: 'Hand ORS to the client' }).click();
  for (const [i, item] of ORS_ITEMS.entries()) {
    await rateByKeyboard(page, app, item, ['ArrowRight', ...Array<string>(tenthsBelowMiddle[i] ?? 0).fill('ArrowDown')]);
  }
}
