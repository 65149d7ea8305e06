// `npm run bench -- --readme`: the README's Performance table is written from the run, between the markers
// below. Sections not run this time keep their rows from the table already there.
import { readFileSync, writeFileSync } from 'node:fs';

export interface TableRow {
  readonly section: string;
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: string;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const HEADER = ['section', 'figure', 'measured', 'budget', ''];

const cells = (row: TableRow) => [row.section, row.figure, row.value, row.target, row.verdict];
const line = (values: readonly string[]) => `| ${values.map((v) => v.replaceAll('|', '\\|')).join(' | ')} |`;

function existingRows(table: string): TableRow[] {
  return table
    .split('\n')
    .slice(2)
    .filter((l) => l.startsWith('|'))
    .map((l) => {
      const [section = '', figure = '', value = '', target = '', verdict = ''] = l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replaceAll('\\|', '|'));
      return { section, figure, value, target, verdict };
    });
}

export function writeReadmeTable(path: string, rows: readonly TableRow[]): void {
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${path} has no ${START} … ${END} markers`);
  const ran = new Set(rows.map((r) => r.section));
  const kept = existingRows(readme.slice(start + START.length, end).trim()).filter((r) => !ran.has(r.section));
  const table = [line(HEADER), line(HEADER.map(() => '---')), ...[...kept, ...rows].map((r) => line(cells(r)))].join(
    '\n',
  );
  writeFileSync(path, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
}
