import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../src/node/serve/deploy-config';
import { loadDeployment } from '../../src/node/serve/load-deployment';
import { startStaticServer } from '../../src/node/serve/static-server';

let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tf-serve-'));
  await mkdir(join(dir, 'site', 'assets'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'site', 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
  await writeFile(
    join(dir, 'site', 'assets', 'index-AbCdEf12.js.map'),
    '{"version":3,"sources":["src/ui/app/main.tsx"]}',
  );
  await writeFile(join(dir, 'secret.txt'), 'outside the site');
  await writeFile(join(dir, 'smart-launch.json'), await readFile('smart-launch.json', 'utf8'));
  await writeFile(
    join(dir, 'deploy.json'),
    JSON.stringify({
      frameAncestors: ['https://ehr.example.org', 'https://other-ehr.example.org'],
      connectOrigins: ['https://fhir.example.org'],
      port: 0,
    }),
  );
  const { config, smartLaunchJson } = await loadDeployment(join(dir, 'deploy.json'));
  ({ server, url } = await startStaticServer({ dir: join(dir, 'site'), smartLaunchJson }, config));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('production static server', () => {
  it('serves the app page with a strict CSP header, HSTS, no referrer and no caching', async () => {
    const response = await fetch(`${url}/index.html`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors https://ehr.example.org https://other-ehr.example.org');
    expect(csp).toContain("connect-src 'self' https://fhir.example.org");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${url}/assets/index-AbCdEf12.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never serves source maps, even when the build left them in the site', async () => {
    expect((await fetch(`${url}/assets/index-AbCdEf12.js.map`)).status).toBe(404);
    expect((await fetch(`${url}/assets/index-AbCdEf12.js.MAP`)).status).toBe(404);
  });

  it('serves the deployment smart-launch.json, validated, never cached', async () => {
    const response = await fetch(`${url}/smart-launch.json`);
    const body = (await response.json()) as { servers: unknown[] };
    expect(body.servers.length).toBeGreaterThan(0);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses paths that leave the site and methods other than GET/HEAD', async () => {
    expect((await fetch(`${url}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${url}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${url}/index.html`, { method: 'POST' })).status).toBe(405);
  });
});

describe('deployment configuration', () => {
  it('names each wrong field', () => {
    const result = parseDeployConfig({
      frameAncestors: ['http://ehr.example.org', 'https://ehr.example.org/path'],
      connectOrigins: [],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^frameAncestors\[0\]: /),
          expect.stringMatching(/^frameAncestors\[1\]: /),
          expect.stringMatching(/^connectOrigins: /),
        ]),
      );
    }
  });

  it('refuses to start with a broken smart-launch.json and says which field', async () => {
    await writeFile(
      join(dir, 'bad-launch.json'),
      JSON.stringify({ app: {}, licence: null, scopeJustifications: {}, servers: [] }),
    );
    await writeFile(
      join(dir, 'bad-deploy.json'),
      JSON.stringify({ connectOrigins: ['https://fhir.example.org'], smartLaunchFile: 'bad-launch.json' }),
    );
    await expect(loadDeployment(join(dir, 'bad-deploy.json'))).rejects.toThrow(/servers: /);
  });
});
