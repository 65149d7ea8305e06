import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../src/node/http/compress';
import { startFhirHttpServer } from '../../src/node/sandbox/http';
import type { FhirHttpServer } from '../../src/node/sandbox/http';
import { freshEngine } from '../support/engine';

/** A raw GET (node:http does not decompress), so the test sees the bytes on the wire. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compressed FHIR answers', () => {
  let server: FhirHttpServer;
  beforeAll(async () => {
    server = await startFhirHttpServer({ engine: await freshEngine(), port: 0 });
  });
  afterAll(() => server.close());

  it('gzips the CapabilityStatement for a client that accepts gzip, and says so', async () => {
    const zipped = await rawGet(`${server.baseUrl}/metadata`, { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(String(zipped.headers['vary'])).toMatch(/Accept-Encoding/i);
    const plain = await rawGet(`${server.baseUrl}/metadata`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
  });

  it('honours a refusal and small bodies stay as they are', async () => {
    expect(
      (await rawGet(`${server.baseUrl}/metadata`, { 'accept-encoding': 'gzip;q=0, identity' })).headers[
        'content-encoding'
      ],
    ).toBeUndefined();
    expect(
      (await rawGet(`${server.baseUrl}/Patient/missing`, { 'accept-encoding': 'gzip' })).headers['content-encoding'],
    ).toBeUndefined();
    expect([acceptsGzip('*'), acceptsGzip('deflate'), acceptsGzip('*;q=0, gzip'), acceptsGzip(undefined)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
