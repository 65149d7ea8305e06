import { startSandbox, type Sandbox } from './sandbox';

// `npm start`: the whole product on this machine, no account, no network. Prints the one URL to open.

const DEFAULT_PORT = 8080;

function requestedPort(): number {
  const fromEnv = Number(process.env.PORT);
  return Number.isInteger(fromEnv) && fromEnv > 0 && fromEnv < 65536 ? fromEnv : DEFAULT_PORT;
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

/**
 * The app dates new responses with the real clock, so the synthetic histories end just before today: with the
 * seed's fixed date, a session run today would come more than 90 days after the last one and open a new episode.
 */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function start(): Promise<Sandbox> {
  const options = { app: { kind: 'vite-dev' }, seed: true, today: localToday() } as const;
  try {
    return await startSandbox({ port: requestedPort(), ...options });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    // The usual port is taken (another sandbox?), so a free port is taken instead, the URL below says which.
    return startSandbox({ port: 0, ...options });
  }
}

const sandbox = await start();
console.log(
  `Therapy Feedback sandbox: open ${sandbox.url}/ehr/ — pick a patient and press "Launch app" (Ctrl-C stops).`,
);

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
