import { describePlanPaths } from '../../fhir/write';
import type { CheckReport } from './check';

// The checker's report as a table a person reads in a terminal or pastes into a ticket.

const mark = { yes: 'yes', no: 'NO', unknown: '?' } as const;

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

export function describeWritePlan(report: CheckReport): string {
  const { writePlan: plan } = report;
  const mode = {
    transaction: 'one transaction per save',
    batch: 'a batch per save',
    individual: 'one request per resource',
  }[plan.mode];
  const creates = plan.conditionalCreate ? 'conditional creates (If-None-Exist)' : 'search-then-create';
  const refused = plan.refused.length > 0 ? `; not written here: ${plan.refused.map((r) => r.kind).join(', ')}` : '';
  return `${mode}, ${creates}${refused}`;
}

export function renderReport(report: CheckReport): string {
  const header = ['area', 'the app needs', 'offered', 'notes'];
  const body = report.rows.map((r) => [
    r.area,
    r.need,
    `${mark[r.verdict]}${r.blocking ? ' (blocking)' : ''}`,
    r.detail,
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => (row[i] ?? '').length)));
  const blocking = report.rows.filter((r) => r.blocking);
  return [
    `Server: ${report.fhirBaseUrl}${report.software ? ` (${report.software})` : ''}, FHIR ${report.fhirVersion || 'unknown'}`,
    `Scopes assumed granted: ${report.assumedScopes}`,
    '',
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...body.map((row) => pad(row, widths)),
    '',
    `Write plan: ${describeWritePlan(report)}`,
    ...describePlanPaths(report.writePlan).map((line) => `  ${line}`),
    blocking.length === 0
      ? 'Verdict: the app can run here.'
      : `Verdict: the app cannot run here: ${blocking.map((r) => r.need).join(', ')}.`,
  ].join('\n');
}
