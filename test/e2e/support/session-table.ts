import type { FrameLocator, Locator } from 'playwright-core';

// The clinician view's "All responses" table as a clinician reads it: the rows of one instrument, each cell
// named by its column's heading, so a column added or moved does not break a journey.

export const responsesTable = (app: FrameLocator): Locator => app.getByRole('table', { name: /every response/i });

/** The table once its rows are drawn (it comes in the view's second render, later on a busy machine). */
export async function drawnResponsesTable(app: FrameLocator): Promise<Locator> {
  const table = responsesTable(app);
  await table.getByRole('row').nth(1).waitFor();
  return table;
}

/** The rows of one instrument (ORS, SRS, WAI-SR…), newest first; episode markers are not among them. */
export function responseRows(app: FrameLocator, instrument: string): Locator {
  return responsesTable(app)
    .getByRole('row')
    .filter({ has: app.getByRole('cell', { name: instrument, exact: true }) });
}

/** Each row of one instrument as `{ Date, Instrument, Session, Score, Items, Status }` (the headings shown). */
export async function responseCells(app: FrameLocator, instrument: string): Promise<Record<string, string>[]> {
  const table = await drawnResponsesTable(app);
  const headings = await table.getByRole('row').first().getByRole('columnheader').allInnerTexts();
  const rows = await responseRows(app, instrument).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  );
  return rows.map((cells) => Object.fromEntries(headings.map((heading, i) => [heading.trim(), cells[i] ?? ''])));
}

/** The session (visit) numbers of one instrument's rows, newest first. */
export async function sessionNumbers(app: FrameLocator, instrument: string): Promise<string[]> {
  return (await responseCells(app, instrument)).map((row) => row['Session'] ?? '');
}
