// `npm run score -- [--config FILE] [--threads N] <file>`: QuestionnaireResponses (NDJSON, or one Bundle) in, one
// NDJSON line per patient out (see src/node/score; core/assessment/summary.ts shapes each line). The
// organisation's `scoring` and `instrumentMappings` come from smart-launch.json in the working directory (or
// --config FILE), exactly as the app applies them. Problems go to stderr with their line number and the run
// goes on; resource types the scorer does not read are counted in the closing summary. The exit code is 1
// when any line was bad, 2 when the file (or the configuration) could not be read at all.
// package.json runs it with --single-threaded-gc: the scorer already gives every core a thread of its own, and
// V8's collector helpers would only compete with them (a few per cent faster on two cores, same peak memory).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readSmartLaunchFile } from '../config/smart-launch-file';
import { scoreFile } from '../score/run';
import { describeTally } from '../score/tally';

const usage = 'usage: npm run score -- [--config smart-launch.json] [--threads N] <file.ndjson | bundle.json>\n';

interface ScoreArgs {
  readonly path: string;
  readonly config: string;
  readonly threads?: number;
}

function readArgs(args: string[]): ScoreArgs | undefined {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { threads: { type: 'string' }, config: { type: 'string', default: 'smart-launch.json' } },
    });
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (
      positionals.length !== 1 ||
      (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64))
    )
      return undefined;
    return { path: positionals[0]!, config: values.config, ...(threads ? { threads } : {}) };
  } catch {
    return undefined;
  }
}

async function main(args: string[]): Promise<number> {
  const parsed = readArgs(args);
  if (!parsed) {
    process.stderr.write(usage);
    return 2;
  }
  const { path, threads } = parsed;
  const config = await readSmartLaunchFile(parsed.config);
  if (!config.ok) {
    process.stderr.write(`${config.error}\n`);
    return 2;
  }
  const settings = { scoring: config.value.config.scoring, mappings: config.value.config.instrumentMappings };
  try {
    const tally = await scoreFile(path, process.stdout, process.stderr, { settings, ...(threads ? { threads } : {}) });
    process.stderr.write(`${describeTally(tally)}\n`);
    return tally.bad > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
