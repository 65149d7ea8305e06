// `npm run serve -- [--config deploy.json] [--dist dist] [--print-headers]`
// Serves the production build with the headers an EHR deployment needs. The deployment configuration and the
// smart-launch.json are validated at start-up: a wrong field stops the server with a message naming it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDeployment } from '../serve/load-deployment';
import { securityHeaders } from '../serve/security-headers';
import { startStaticServer } from '../serve/static-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'deploy.json' },
      dist: { type: 'string', default: 'dist' },
      'print-headers': { type: 'boolean', default: false },
    },
  });
  const { config, smartLaunchJson } = await loadDeployment(resolve(values.config));
  if (values['print-headers']) {
    console.log(
      JSON.stringify(
        { page: securityHeaders(config, '/index.html'), asset: securityHeaders(config, '/assets/index-AbCdEf12.js') },
        null,
        2,
      ),
    );
    return;
  }
  const { url } = await startStaticServer({ dir: resolve(values.dist), smartLaunchJson }, config);
  console.log(`Therapy Feedback is served at ${url}/ (launch URL ${url}/launch.html)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
