import { inject } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/node/sandbox/sandbox';

// The whole local EHR for a journey file: the built app served by the sandbox on a free loopback port,
// the synthetic clients seeded relative to today (so a session given now continues their episode instead
// of starting a new one after a 90-day gap), and a clock the tests can move to expire sessions.

export interface E2eSandbox {
  readonly sandbox: Sandbox;
  /** Moves the sandbox's clock (tokens, refresh tokens, launches) forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function startE2eSandbox(): Promise<E2eSandbox> {
  const dir = inject('e2eAppDir');
  if (!dir) throw new Error('the e2e global setup did not build the app');
  let offsetMs = 0;
  const sandbox = await startSandbox({
    port: 0,
    app: { kind: 'static', dir },
    today: todayUtc(),
    clock: () => Date.now() + offsetMs,
  });
  return {
    sandbox,
    advanceClock(ms) {
      offsetMs += ms;
    },
    close: () => sandbox.close(),
  };
}
