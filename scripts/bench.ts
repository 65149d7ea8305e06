// `npm run bench [-- section…] [--readme]`: runs each section (or those named, e.g. `scoring`) and prints
// one table of figures against their targets; `--readme` also writes it into README.md's Performance table.
// To add a section: write scripts/bench/<topic>.ts exporting an async function that returns BenchRow[],
// and add it to the list below.
import { scoringBench } from './bench/scoring';
import { saveBench, storeGrowthBench } from './bench/save';
import { appBench } from './bench/app';
import { launchBench } from './bench/launch';
import { caseloadBench } from './bench/caseload';
import { caseloadBrowserBench } from './bench/caseload-browser';
import { type TableRow, writeReadmeTable } from './bench/readme-table';

export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. '≥ 100000' or '≤ 150': shown beside the value; met/missed is decided by `meets`. */
  readonly target?: string;
  readonly meets?: boolean;
}

export type BenchSection = () => Promise<readonly BenchRow[]>;

const sections: readonly { readonly name: string; readonly title: string; readonly run: BenchSection }[] = [
  { name: 'scoring', title: 'scoring + rules', run: scoringBench },
  { name: 'save', title: 'saving a measure', run: saveBench },
  { name: 'store', title: 'sandbox store growth', run: storeGrowthBench },
  { name: 'app', title: 'app page', run: appBench },
  { name: 'launch', title: 'launch', run: launchBench },
  { name: 'caseload', title: 'caseload', run: caseloadBench },
  { name: 'caseload-browser', title: 'caseload (browser)', run: caseloadBrowserBench },
];

function formatValue(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function tableRow(r: BenchRow & { section: string }): TableRow {
  return {
    section: r.section,
    figure: r.name,
    value: `${formatValue(r.value)} ${r.unit}`.trim(),
    target: r.target ?? '',
    verdict: r.meets === undefined ? '' : r.meets ? 'ok' : 'MISSED',
  };
}

function printTable(rows: readonly (BenchRow & { section: string })[]): void {
  const table = rows.map((r) => {
    const t = tableRow(r);
    return [t.section, t.figure, t.value, t.target, t.verdict];
  });
  const header = ['section', 'figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
}

async function main(): Promise<number> {
  const rows: (BenchRow & { section: string })[] = [];
  const args = process.argv.slice(2);
  const wanted = args.filter((a) => !a.startsWith('--'));
  for (const section of sections.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    console.error(`running ${section.title}…`);
    for (const row of await section.run()) rows.push({ ...row, section: section.title });
  }
  printTable(rows);
  if (args.includes('--readme')) writeReadmeTable('README.md', rows.map(tableRow));
  return rows.some((r) => r.meets === false) ? 1 : 0;
}

process.exitCode = await main();
