// `npm run check-server -- <FHIR base URL> [--token T] [--scopes "..."] [--json] [--write-test [--patient ID]]`
// Reports what the app needs next to what a server offers, and the write plan the app would choose there.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fetchTransport } from '../../fhir/gateway';
import { parseSmartLaunchConfig, serverForIssuer } from '../../fhir/smart-launch-config';
import { checkServer } from '../checker/check';
import { renderReport } from '../checker/render';
import { runWriteTest } from '../checker/write-test';

/** Without --scopes: the scopes the app asks this server for (or the reference registration's). */
async function defaultScopes(baseUrl: string): Promise<string> {
  const parsed = parseSmartLaunchConfig(JSON.parse(await readFile('smart-launch.json', 'utf8')));
  if (!parsed.ok) throw new Error(`smart-launch.json: ${parsed.error.join('; ')}`);
  return (serverForIssuer(parsed.value, baseUrl) ?? parsed.value.servers[0]!).scopes;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      scopes: { type: 'string' },
      json: { type: 'boolean', default: false },
      'write-test': { type: 'boolean', default: false },
      patient: { type: 'string' },
    },
  });
  const baseUrl = positionals[0];
  if (!baseUrl || !URL.canParse(baseUrl))
    throw new Error(
      'usage: npm run check-server -- <FHIR base URL> [--token T] [--scopes "..."] [--json] [--write-test]',
    );
  const transport = fetchTransport({ baseUrl, ...(values.token ? { token: values.token } : {}) });
  const report = await checkServer(transport, values.scopes ?? (await defaultScopes(baseUrl)));
  const writeTest = values['write-test']
    ? await runWriteTest(transport, {
        ...(values.patient ? { patientId: values.patient } : {}),
        nowIso: new Date().toISOString(),
        key: `server-check-${randomUUID()}`,
      })
    : undefined;
  if (values.json) {
    console.log(JSON.stringify({ ...report, ...(writeTest ? { writeTest } : {}) }, null, 2));
  } else {
    console.log(renderReport(report));
    for (const step of writeTest ?? [])
      console.log(
        `write test: ${step.step}: ${step.ok ? 'ok' : 'FAILED'}${step.status ? ` (${step.status})` : ''} ${step.detail}`,
      );
  }
  if (report.rows.some((r) => r.blocking) || writeTest?.some((s) => !s.ok && s.step !== 'delete it'))
    process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
