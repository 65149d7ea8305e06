// `npm run publish-questionnaires -- <FHIR base URL> [--token T] [--dry-run]`
// Creates or updates our Questionnaires, CodeSystem and ValueSets by canonical url + version and reports each.
import { parseArgs } from 'node:util';
import { fetchTransport } from '../../fhir/gateway';
import { publishedArtefacts } from '../../fhir/questionnaire';
import { publishArtefacts } from '../publisher/publish';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { token: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const baseUrl = positionals[0];
  if (!baseUrl || !URL.canParse(baseUrl))
    throw new Error('usage: npm run publish-questionnaires -- <FHIR base URL> [--token T] [--dry-run]');
  const transport = fetchTransport({ baseUrl, ...(values.token ? { token: values.token } : {}) });
  const results = await publishArtefacts(transport, publishedArtefacts(), { dryRun: values['dry-run'] });
  for (const r of results)
    console.log(`${r.action.padEnd(12)} ${r.resourceType} ${r.url}|${r.version}${r.detail ? `  ${r.detail}` : ''}`);
  if (results.some((r) => r.action === 'refused')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
