import type { FrameLocator, Page } from 'playwright-core';

// The sandbox EHR page as a clinician uses it: pick a patient, optionally faults, press "Launch app",
// and work with the app inside the chart's iframe.

export const APP_FRAME_TITLE = 'Therapy Feedback (SMART app)';

export interface LaunchFaults {
  readonly shortLivedToken?: boolean;
  /** A value of the EHR page's "Deny scope" list, e.g. `Flag.cud`. */
  readonly denyScope?: string;
  readonly transactionError?: { readonly status: '500' | '503'; readonly times: number };
  readonly noTransactions?: boolean;
  /** "Server behaves like": a vendor write profile (outside the faults). */
  readonly vendor?: 'open' | 'epic-like' | 'oracle-like';
}

async function chooseFaults(page: Page, faults: LaunchFaults): Promise<void> {
  if (faults.vendor) await page.getByLabel('Server behaves like').selectOption(faults.vendor);
  await page.getByText("Faults (exercise the app's error paths)").click();
  if (faults.shortLivedToken) await page.getByLabel('Short-lived access token (20 s)').check();
  if (faults.denyScope) await page.getByLabel('Deny scope').selectOption(faults.denyScope);
  if (faults.transactionError) {
    await page.locator('select[name="transactionErrorStatus"]').selectOption(faults.transactionError.status);
    await page.getByLabel('times').fill(String(faults.transactionError.times));
  }
  if (faults.noTransactions) await page.getByLabel('No transaction support').check();
}

/** Opens the EHR page, launches the app for the patient named, and returns the app's frame. */
export async function launchFromEhr(
  page: Page,
  baseUrl: string,
  patientName: string,
  faults?: LaunchFaults,
  appHeading = 'Outcome and alliance',
): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/ehr/`);
  await page.getByRole('radio', { name: new RegExp(`^${patientName}\\b`) }).check();
  if (faults) await chooseFaults(page, faults);
  await page.getByRole('button', { name: 'Launch app' }).click();
  const app = page.frameLocator(`iframe[title="${APP_FRAME_TITLE}"]`);
  await app.getByRole('heading', { name: appHeading, level: 1 }).waitFor();
  return app;
}

/** The app's frame as a Playwright Frame (for script injection and evaluation). */
export function appFrame(page: Page) {
  const frame = page.frames().find((f) => f.parentFrame() !== null && f.url().includes('/index.html'));
  if (!frame) throw new Error('the app frame is not loaded');
  return frame;
}
