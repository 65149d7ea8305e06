// `npm run fhir-server -- --open [--vendor open|epic-like|oracle-like] [--port N] [--data FILE] [--today YYYY-MM-DD]`
// The sandbox FHIR engine alone, without authorization, on loopback only: for integrators who put it
// behind another SMART launcher (which proxies to an open FHIR server) and for trying the data directly.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFhirEngine } from './engine';
import { seedResources } from './seed';
import { startFhirHttpServer } from './http';
import { VENDOR_NAMES } from './engine/vendors/types';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      open: { type: 'boolean', default: false },
      port: { type: 'string', default: '4100' },
      data: { type: 'string' },
      today: { type: 'string' },
      vendor: { type: 'string', default: 'open' },
    },
  });
  if (!values.open)
    throw new Error(
      'Without authorization this server must be started with --open (it serves every record to anyone on this machine).',
    );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new Error('--today must be YYYY-MM-DD');
  const vendor = VENDOR_NAMES.find((v) => v === values.vendor);
  if (!vendor) throw new Error(`--vendor must be one of ${VENDOR_NAMES.join(', ')}, not "${values.vendor}"`);
  const engine = await createFhirEngine({
    settings: { vendor },
    ...(values.data ? { dataFile: resolve(values.data) } : {}),
    seed: () => seedResources(values.today ? { today: values.today } : {}),
  });
  const server = await startFhirHttpServer({ engine, port });
  console.log(`Open FHIR server (no authorization, loopback only), behaving like ${vendor}: ${server.baseUrl}`);
  const stop = (): void =>
    void engine
      .close()
      .then(() => server.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
