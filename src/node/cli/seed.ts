// `npm run seed -- --patients 10000 [--clinicians 2] [--out population.ndjson] [--today YYYY-MM-DD]`
// Writes a deterministic synthetic population as NDJSON (one resource per line) for benchmarks.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SEED_TODAY } from '../sandbox/seed';
import { populationResources } from '../sandbox/seed/population';

async function writeLines(out: Writable, lines: Iterable<fhir4.Resource>): Promise<number> {
  let count = 0;
  for (const resource of lines) {
    count++;
    if (!out.write(`${JSON.stringify(resource)}\n`)) await once(out, 'drain');
  }
  return count;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      patients: { type: 'string', default: '100' },
      clinicians: { type: 'string', default: '2' },
      out: { type: 'string' },
      today: { type: 'string', default: SEED_TODAY },
    },
  });
  const patients = Number(values.patients);
  if (!Number.isInteger(patients) || patients < 1)
    throw new Error(`--patients must be a whole number above 0, not "${values.patients}"`);
  const clinicians = Number(values.clinicians);
  if (!Number.isInteger(clinicians) || clinicians < 1)
    throw new Error(`--clinicians must be a whole number above 0, not "${values.clinicians}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be YYYY-MM-DD');
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const started = performance.now();
  const count = await writeLines(out, populationResources(patients, values.today, clinicians));
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
  console.error(
    `${count} resources for ${patients} clients of ${clinicians} clinicians in ${Math.round(performance.now() - started)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
