import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScoringConfig } from '../../src/core/config';
import { parseSmartLaunchConfig, serverForIssuer } from '../../src/fhir/smart-launch-config';

const committed = (): Record<string, unknown> =>
  JSON.parse(readFileSync('smart-launch.json', 'utf8')) as Record<string, unknown>;

describe('smart-launch.json', () => {
  it('the committed file is valid and matches the local sandbox issuer', () => {
    const parsed = parseSmartLaunchConfig(committed());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(serverForIssuer(parsed.value, 'http://127.0.0.1:8080/fhir')?.name).toBe('Local sandbox');
    expect(serverForIssuer(parsed.value, 'https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4')?.name).toBe(
      'Epic',
    );
    expect(serverForIssuer(parsed.value, 'https://unknown.example.org/fhir')).toBeUndefined();
  });

  it('gives the documented scoring defaults when the organisation sets none', () => {
    const parsed = parseSmartLaunchConfig(committed());
    expect(parsed.ok && parsed.value.scoring).toEqual(defaultScoringConfig);
  });

  it("takes an organisation's thresholds and keeps defaults for the rest", () => {
    const parsed = parseSmartLaunchConfig({ ...committed(), scoring: { srsCutoff: 34, orsCutoff: { adult: 24 } } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.scoring.srsCutoff).toBe(34);
    expect(parsed.value.scoring.orsCutoff).toEqual({ adult: 24, adolescent: 28, child: 32 });
    expect(parsed.value.scoring.orsReliableChange).toBe(5);
  });

  it('writes scores in the components form, with no organization, unless the deployment chooses', () => {
    const parsed = parseSmartLaunchConfig(committed());
    expect(parsed.ok && parsed.value.writeBack).toEqual({ scoreObservations: 'components' });
    const strict = parseSmartLaunchConfig({
      ...committed(),
      writeBack: {
        scoreObservations: 'us-core-panel',
        organization: { display: 'Northside Counselling', reference: 'Organization/42' },
      },
    });
    expect(strict.ok && strict.value.writeBack).toEqual({
      scoreObservations: 'us-core-panel',
      organization: { display: 'Northside Counselling', reference: 'Organization/42' },
    });
  });

  it('refuses an unknown score form and an organization reference to anything but an Organization, by field', () => {
    const parsed = parseSmartLaunchConfig({
      ...committed(),
      writeBack: { scoreObservations: 'panel', organization: { display: 'x', reference: 'Practitioner/1' } },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toEqual([
      expect.stringMatching(/^writeBack\.scoreObservations: /),
      'writeBack.organization.reference: an Organization reference, Organization/<id>',
    ]);
  });

  it('names each wrong field, however deep', () => {
    const broken = {
      ...committed(),
      scoring: { episodeGapDays: 0 },
      servers: [{ name: 'x', issMatch: '(', clientId: '', scopes: 'a  b', scopesV1: 'a', redirectUri: '/' }],
    };
    const parsed = parseSmartLaunchConfig(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^scoring\.episodeGapDays: /),
        expect.stringMatching(/^servers\[0\]\.issMatch: must be a valid regular expression/),
        expect.stringMatching(/^servers\[0\]\.clientId: /),
        expect.stringMatching(/^servers\[0\]\.scopes: scopes are separated by single spaces/),
      ]),
    );
  });
});
