// The sandbox's HTTP plumbing shared with the other servers: the one body reader (an oversized token form
// gets its 413 answer), smart-launch.json read once at start and served as it is, and the static app mount
// serving files through the production server's path check and content types.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_START_TIMEOUT_MS, startTestSandbox, type Sandbox } from '../support/sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tf-sandbox-app-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'font.woff2'), 'not really a font');
  sandbox = await startTestSandbox({ app: { kind: 'static', dir } });
}, SANDBOX_START_TIMEOUT_MS);
afterAll(() => sandbox.close());

describe('sandbox HTTP', () => {
  it('answers an oversized token form with 413 and an OAuth error body', async () => {
    const response = await fetch(sandbox.auth.urls.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=authorization_code&code=${'x'.repeat(100 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'body too large' });
  });

  it('serves smart-launch.json exactly as the repository has it, never cached', async () => {
    const response = await fetch(`${sandbox.url}/smart-launch.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(await readFile('smart-launch.json', 'utf8'));
  });

  it('serves the built app with content types, and 404 outside it', async () => {
    const page = await fetch(`${sandbox.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    expect((await fetch(`${sandbox.url}/font.woff2`)).headers.get('content-type')).toBe('font/woff2');
    const missing = await fetch(`${sandbox.url}/missing.js`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${sandbox.url}/..%2Fsecret`)).status).toBe(404);
  });
});
