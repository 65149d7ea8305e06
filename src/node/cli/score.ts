// `npm run score -- [--config FILE] <file>`: QuestionnaireResponses (NDJSON, or one Bundle) in, one NDJSON line
// per patient out (core/assessment/summary.ts shapes it). The organisation's `scoring` comes from smart-launch.json
// in the working directory (or --config FILE), exactly as the app applies it. Lines are streamed; only each patient's Administrations (small) are kept, never the file. Patients in
// the input give birth dates. Bad lines go to stderr with their line number and the run goes on; the exit
// code is 1 when any line was bad, 2 when the file could not be read at all.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { assessClient } from '../../core/assess';
import { summarizeAssessment } from '../../core/assessment/summary';
import type { Administration } from '../../core/model';
import { parseQuestionnaireResponse } from '../../fhir/parse/questionnaire-response';
import { patientSchema } from '../../fhir/schemas/patient';
import { validate } from '../../fhir/schemas/validate';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import { readSmartLaunchFile } from '../config/smart-launch-file';

export interface ScoreRun {
  readonly lines: number;
  readonly responses: number;
  readonly bad: number;
  readonly patients: number;
}

interface Sink {
  write(text: string): unknown;
}

class Population {
  readonly administrations = new Map<string, Administration[]>();
  readonly birthDates = new Map<string, string>();
  responses = 0;
  bad = 0;

  constructor(private readonly errors: Sink, private readonly settings?: Pick<SmartLaunchConfig, 'scoring' | 'instrumentMappings'>) {}

  report(where: string, reason: string): void {
    this.bad++;
    this.errors.write(`${where}: ${reason}\n`);
  }

  /** Takes one resource; a Bundle's entries are taken one by one. */
  take(resource: unknown, where: string): void {
    const type = typeof resource === 'object' && resource !== null ? (resource as { resourceType?: unknown }).resourceType : undefined;
    if (type === 'Bundle') return this.takeBundle(resource, where);
    if (type === 'Patient') return this.takePatient(resource, where);
    if (type !== 'QuestionnaireResponse') return this.report(where, `not a QuestionnaireResponse, Patient or Bundle (resourceType: ${String(type)})`);
    const parsed = parseQuestionnaireResponse(resource, { mappings: this.settings?.instrumentMappings ?? [] });
    if (!parsed.ok) return this.report(where, parsed.reason);
    this.responses++;
    const list = this.administrations.get(parsed.patientId);
    if (list) list.push(parsed.administration);
    else this.administrations.set(parsed.patientId, [parsed.administration]);
  }

  private takePatient(resource: unknown, where: string): void {
    const patient = validate(patientSchema, resource);
    if (!patient.ok) return this.report(where, `Patient: ${patient.errors.join('; ')}`);
    if (patient.value.id && patient.value.birthDate) this.birthDates.set(patient.value.id, patient.value.birthDate);
  }

  private takeBundle(resource: unknown, where: string): void {
    const entries = (resource as { entry?: unknown }).entry;
    if (!Array.isArray(entries)) return;
    entries.forEach((entry: unknown, i) => this.take((entry as { resource?: unknown } | null)?.resource, `${where} entry ${i}`));
  }

  /** One NDJSON line per patient, in order of patient id so runs are comparable. */
  writeResults(out: Sink): number {
    const ids = [...this.administrations.keys()].sort();
    for (const id of ids) {
      const birthDate = this.birthDates.get(id);
      const assessment = assessClient({
        administrations: this.administrations.get(id)!, ...(birthDate ? { birthDate } : {}), ...(this.settings ? { config: this.settings.scoring } : {}),
      });
      out.write(`${JSON.stringify({ patient: `Patient/${id}`, ...(birthDate ? { birthDate } : {}), ...summarizeAssessment(assessment) })}\n`);
    }
    return ids.length;
  }
}

function parseLine(line: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

async function looksLikeWholeDocument(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const firstLine = head.split('\n', 1)[0]?.trim() ?? '';
    // A pretty-printed Bundle starts with a line that is not JSON by itself.
    return firstLine.startsWith('{') && !parseLine(firstLine).ok;
  } finally {
    await handle.close();
  }
}

async function readWholeDocument(path: string, population: Population): Promise<number> {
  const chunks: string[] = [];
  for await (const chunk of createReadStream(path, 'utf8')) chunks.push(String(chunk));
  const parsed = parseLine(chunks.join(''));
  if (parsed.ok) population.take(parsed.value, 'document');
  else population.report('document', parsed.reason);
  return 1;
}

async function readLines(path: string, population: Population): Promise<number> {
  let n = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (parsed.ok) population.take(parsed.value, `line ${n}`);
    else population.report(`line ${n}`, parsed.reason);
  }
  return n;
}

/** Scores a file; results to `out`, problems to `errors`; `settings` = the organisation's smart-launch.json (defaults without). */
export async function scoreFile(path: string, out: Sink, errors: Sink, settings?: Pick<SmartLaunchConfig, 'scoring' | 'instrumentMappings'>): Promise<ScoreRun> {
  const population = new Population(errors, settings);
  const lines = (await looksLikeWholeDocument(path)) ? await readWholeDocument(path, population) : await readLines(path, population);
  const patients = population.writeResults(out);
  return { lines, responses: population.responses, bad: population.bad, patients };
}

const usage = 'usage: npm run score -- [--config smart-launch.json] <file.ndjson | bundle.json>\n';

async function main(args: readonly string[]): Promise<number> {
  let parsed: { values: { config: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { config: { type: 'string', default: 'smart-launch.json' } }, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const [path, ...rest] = parsed.positionals;
  if (!path || rest.length > 0) {
    process.stderr.write(usage);
    return 2;
  }
  const settings = await readSmartLaunchFile(parsed.values.config);
  if (!settings.ok) {
    process.stderr.write(`${settings.error}\n`);
    return 2;
  }
  try {
    const run = await scoreFile(path, process.stdout, process.stderr, settings.config);
    process.stderr.write(`scored ${run.responses} responses for ${run.patients} patients; ${run.bad} bad\n`);
    return run.bad > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
