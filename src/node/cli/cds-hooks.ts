// `npm run cds-hooks -- [--port N] [--app-launch-url URL] [--jwks-url URL --issuer ISS --public-url URL] [--config FILE]`
// The CDS Hooks patient-view service on its own. Without --jwks-url it runs open on 127.0.0.1 for the
// local sandbox; with it, every service call must carry a JWT signed by a listed issuer. The organisation's
// `scoring` is read from smart-launch.json in the working directory (or --config FILE), as the app reads it.
import { parseArgs } from 'node:util';
import { startCdsHooksServer, type TrustedEhrs } from '../cds-hooks';
import { readSmartLaunchFile } from '../config/smart-launch-file';

const DEFAULT_APP_LAUNCH_URL = 'http://127.0.0.1:8080/launch.html';

function portOf(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${value}"`);
  return port;
}

function absoluteUrl(name: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`--${name} must be an absolute URL, not "${value}"`);
  }
}

function trustOf(values: { 'jwks-url'?: string; issuer?: string[]; 'public-url'?: string }): TrustedEhrs | undefined {
  if (!values['jwks-url']) return undefined;
  if (!values.issuer?.length || !values['public-url'])
    throw new Error('--jwks-url needs at least one --issuer and the --public-url the EHR calls.');
  return {
    jwks: absoluteUrl('jwks-url', values['jwks-url']),
    issuers: values.issuer,
    publicBaseUrl: absoluteUrl('public-url', values['public-url']).href,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4200' },
      host: { type: 'string', default: '127.0.0.1' },
      'app-launch-url': { type: 'string', default: DEFAULT_APP_LAUNCH_URL },
      'jwks-url': { type: 'string' },
      issuer: { type: 'string', multiple: true },
      'public-url': { type: 'string' },
      origin: { type: 'string', multiple: true },
      config: { type: 'string', default: 'smart-launch.json' },
    },
  });
  const trust = trustOf(values);
  const settings = await readSmartLaunchFile(values.config);
  if (!settings.ok) throw new Error(settings.error);
  const server = await startCdsHooksServer({
    port: portOf(values.port),
    host: values.host,
    appLaunchUrl: absoluteUrl('app-launch-url', values['app-launch-url']).href,
    ...(trust ? { trust } : {}),
    ...(values.origin ? { allowedOrigins: values.origin } : {}),
    config: settings.value.config.scoring,
    mappings: settings.value.config.instrumentMappings,
    log: (line) => console.log(line),
  });
  console.log(
    `CDS Hooks discovery: ${server.url}/cds-services (${trust ? 'signed EHR calls only' : 'open, this machine only'}; Ctrl-C stops)`,
  );
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
