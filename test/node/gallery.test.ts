import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSmartLaunchConfig, type SmartLaunchConfig } from '../../src/fhir/smart-launch-config';
import { buildGalleryManifest } from '../../src/node/gallery/manifest';

function committedConfig(): SmartLaunchConfig {
  const parsed = parseSmartLaunchConfig(JSON.parse(readFileSync('smart-launch.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return parsed.value;
}

describe('app-gallery manifest', () => {
  it('is generated from smart-launch.json with absolute URIs on the deployment origin', () => {
    const result = buildGalleryManifest(committedConfig(), 'https://feedback.example.org');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = result.value;
    expect(m.launch_url).toBe('https://feedback.example.org/launch.html');
    expect(m.redirect_uris).toEqual(['https://feedback.example.org/index.html']);
    expect(m.policy_uri).toBe('https://feedback.example.org/privacy.html');
    expect(m.token_endpoint_auth_method).toBe('none');
    expect(m.code_challenge_method).toBe('S256');
    expect(m.fhir_versions).toEqual(['4.0.1']);
    expect(m.registrations.map((r) => r.ehr)).toContain('Epic');
  });

  it('justifies every scope it asks for, in one line each', () => {
    const result = buildGalleryManifest(committedConfig(), 'https://feedback.example.org');
    if (!result.ok) throw new Error(result.error.join('; '));
    expect(result.value.scopes.map((s) => s.scope)).toEqual(result.value.scope.split(' '));
    for (const entry of result.value.scopes) expect(entry.justification).not.toMatch(/\n/);
  });

  it('asks for no delete permission and no wildcard resource scopes (least privilege)', () => {
    for (const server of committedConfig().servers) {
      for (const scope of `${server.scopes} ${server.caseload?.scopes ?? ''}`.trim().split(' ')) {
        expect(scope).not.toMatch(/\/\*\./);
        expect(scope).not.toMatch(/\.[crus]*d[crus]*$/);
      }
      expect(server.scopesV1).not.toMatch(/\/\*\./);
    }
  });

  it('refuses a scope without justification', () => {
    const config = committedConfig();
    const widened = {
      ...config,
      servers: [{ ...config.servers[0]!, scopes: `${config.servers[0]!.scopes} patient/Condition.rs` }],
    };
    const result = buildGalleryManifest(widened, 'https://feedback.example.org');
    expect(result).toEqual({ ok: false, error: ['Local sandbox: scope "patient/Condition.rs" has no justification'] });
  });

  it("lists the caseload's user/ scopes with their justifications, and each registration's caseload scope", () => {
    const config = committedConfig();
    const result = buildGalleryManifest(config, 'https://feedback.example.org');
    if (!result.ok) throw new Error(result.error.join('; '));
    const caseload = config.servers[0]!.caseload!;
    expect(result.value.caseload_scope).toBe(caseload.scopes);
    expect(result.value.caseload_scopes?.map((s) => s.scope)).toEqual(caseload.scopes.split(' '));
    expect(result.value.caseload_scopes?.find((s) => s.scope === 'user/Appointment.rs')?.justification).toMatch(/\S/);
    expect(result.value.registrations.find((r) => r.ehr === config.servers[0]!.name)?.caseload_scope).toBe(
      caseload.scopes,
    );
  });

  it('refuses a caseload scope without justification', () => {
    const config = committedConfig();
    const server = config.servers[0]!;
    const widened = {
      ...config,
      servers: [
        { ...server, caseload: { ...server.caseload!, scopes: `${server.caseload!.scopes} user/Condition.rs` } },
      ],
    };
    expect(buildGalleryManifest(widened, 'https://feedback.example.org')).toEqual({
      ok: false,
      error: ['Local sandbox: scope "user/Condition.rs" has no justification'],
    });
  });

  it('points at a logo, a privacy statement and terms that exist in the build', () => {
    const { app } = committedConfig();
    for (const path of [app.logoUri, app.privacyPolicyUri, app.termsOfServiceUri])
      expect(existsSync(`public${path}`)).toBe(true);
  });
});
