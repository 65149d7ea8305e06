import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdsHooksServer, SERVICE_ID, startCdsHooksServer } from '../../src/node/cds-hooks';
import { authorizer } from '../../src/node/cds-hooks/auth';

// Trusting EHRs: with issuers and their keys configured, every service call needs a JWT signed by one of
// them, addressed to the endpoint called, unexpired and fresh. Without, only this machine is served.

const ISSUER = 'https://ehr.example.org';
const PUBLIC_BASE = 'https://cds.example.org/therapy';
const AUDIENCE = `${PUBLIC_BASE}/cds-services/${SERVICE_ID}`;
const EMPTY_PREFETCH = {
  hook: 'patient-view',
  hookInstance: 'h1',
  context: { patientId: 'p01', userId: 'Practitioner/pr1' },
  prefetch: { patient: null, responses: null },
};

let server: CdsHooksServer;
let privateKey: CryptoKey;
let otherKey: CryptoKey;
let jti = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('ES384');
  privateKey = pair.privateKey;
  otherKey = (await generateKeyPair('ES384')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'ehr-key-1', alg: 'ES384', use: 'sig' };
  server = await startCdsHooksServer({
    port: 0,
    appLaunchUrl: 'https://app.example.org/launch.html',
    trust: { issuers: [ISSUER], jwks: { keys: [jwk] }, publicBaseUrl: PUBLIC_BASE },
  });
});

afterAll(() => server.close());

async function token(
  claims: JWTPayload = {},
  options: { key?: CryptoKey; expiresIn?: string | number } = {},
): Promise<string> {
  jti++;
  return new SignJWT({ jti: `t-${jti}`, iss: ISSUER, aud: AUDIENCE, ...claims })
    .setProtectedHeader({ alg: 'ES384', kid: 'ehr-key-1', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? privateKey);
}

async function call(authorization?: string): Promise<{ status: number; message?: string }> {
  const response = await fetch(`${server.url}/cds-services/${SERVICE_ID}`, {
    method: 'POST',
    body: JSON.stringify(EMPTY_PREFETCH),
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  });
  const body = (await response.json()) as { error?: { message: string } };
  return { status: response.status, ...(body.error ? { message: body.error.message } : {}) };
}

describe('with trusted EHRs configured', () => {
  it('serves a call with a valid signed JWT', async () => {
    expect(await call(`Bearer ${await token()}`)).toEqual({ status: 200 });
  });

  it('refuses a call without a token', async () => {
    expect(await call()).toMatchObject({
      status: 401,
      message: expect.stringMatching(/Missing "Authorization: Bearer <JWT>"/),
    });
  });

  it('refuses a token addressed to another endpoint', async () => {
    const wrong = await token({ aud: `${PUBLIC_BASE}/cds-services/another-service` });
    expect(await call(`Bearer ${wrong}`)).toMatchObject({ status: 401, message: expect.stringMatching(/"aud" claim/) });
  });

  it('refuses an expired token (beyond the clock leeway)', async () => {
    const expired = await token({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    expect(await call(`Bearer ${expired}`)).toMatchObject({
      status: 401,
      message: 'Not authorized: the token has expired.',
    });
  });

  it('refuses an untrusted issuer, a foreign key, and a replayed token', async () => {
    expect(await call(`Bearer ${await token({ iss: 'https://other-ehr.example' })}`)).toMatchObject({
      status: 401,
      message: expect.stringMatching(/"iss" claim/),
    });
    expect(await call(`Bearer ${await token({}, { key: otherKey })}`)).toMatchObject({
      status: 401,
      message: expect.stringMatching(/could not be verified/),
    });
    const once = await token();
    expect((await call(`Bearer ${once}`)).status).toBe(200);
    expect(await call(`Bearer ${once}`)).toMatchObject({ status: 401, message: expect.stringMatching(/used before/) });
  });

  it('refuses a token valid for longer than 5 minutes (one valid for 100 years)', async () => {
    const century = await token({}, { expiresIn: '36500d' });
    expect(await call(`Bearer ${century}`)).toMatchObject({
      status: 401,
      message: expect.stringMatching(/at most 300 s/),
    });
    const sixMinutes = await token({}, { expiresIn: '6m' });
    expect((await call(`Bearer ${sixMinutes}`)).status).toBe(401);
  });

  it('refuses a symmetric (HS256) token even with a matching issuer and audience', async () => {
    const hs = await new SignJWT({ jti: 'hs-1' })
      .setProtectedHeader({ alg: 'HS256', kid: 'ehr-key-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret of enough length!'));
    expect(await call(`Bearer ${hs}`)).toMatchObject({
      status: 401,
      message: 'Not authorized: the token could not be verified (ERR_JOSE_ALG_NOT_ALLOWED).',
    });
  });

  it('still answers discovery without a token (it holds nothing about patients)', async () => {
    expect((await fetch(`${server.url}/cds-services`)).status).toBe(200);
  });
});

describe('slow requests', () => {
  it('cuts off a request body that does not arrive in time (408), instead of holding it open for minutes', async () => {
    const slow = await startCdsHooksServer({
      port: 0,
      appLaunchUrl: 'http://127.0.0.1:8080/launch.html',
      requestTimeoutMs: 300,
    });
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(slow.port, '127.0.0.1', () => {
          socket.write(
            `POST /cds-services/${SERVICE_ID} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"hook":`,
          );
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('utf8')));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.close();
    }
  });
});

describe('without trust configured (the local sandbox)', () => {
  const requestFrom = (remoteAddress: string): IncomingMessage =>
    ({ socket: { remoteAddress }, headers: {} }) as unknown as IncomingMessage;

  it('accepts unsigned calls from loopback and refuses any other address', async () => {
    const authorize = authorizer(undefined);
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(await authorize(requestFrom(address), '/cds-services')).toEqual({ ok: true, value: undefined });
    expect(await authorize(requestFrom('10.1.2.3'), '/cds-services')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/this machine only/),
    });
  });

  it('will not listen beyond loopback', async () => {
    await expect(
      startCdsHooksServer({ port: 0, host: '0.0.0.0', appLaunchUrl: 'http://127.0.0.1:8080/launch.html' }),
    ).rejects.toThrow(/needs trusted EHRs/);
  });
});
