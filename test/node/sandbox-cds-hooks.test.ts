import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/node/sandbox/sandbox';
import { obtainToken, SANDBOX_START_TIMEOUT_MS, startTestSandbox } from '../support/sandbox';

// The sandbox mounts the CDS Hooks service beside the EHR: an EHR-style patient-view call that lets the
// service fetch from the sandbox's FHIR server with the launch's token gets the same alerts the app shows.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
}, SANDBOX_START_TIMEOUT_MS);
afterAll(() => sandbox.close());

describe('CDS Hooks in the sandbox', () => {
  it('lists the patient-view service', async () => {
    const discovery = (await (await fetch(`${sandbox.url}/cds-services`)).json()) as {
      services: { hook: string; id: string }[];
    };
    expect(discovery.services).toEqual([
      expect.objectContaining({ hook: 'patient-view', id: 'therapy-feedback-alerts' }),
    ]);
  });

  it('answers a patient-view call with cards fetched through the SMART-protected FHIR server', async () => {
    const token = await obtainToken(sandbox, {
      patient: 'p02',
      clinician: 'pr1',
      scope: 'launch patient/Patient.r patient/QuestionnaireResponse.rs user/Questionnaire.rs',
    });
    const response = await fetch(`${sandbox.url}/cds-services/therapy-feedback-alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hook: 'patient-view',
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
        fhirServer: sandbox.fhirBaseUrl,
        fhirAuthorization: {
          access_token: token.access_token,
          token_type: 'Bearer',
          expires_in: 3600,
          scope: token.scope,
          subject: 'therapy-feedback-cds',
        },
        context: { userId: 'Practitioner/pr1', patientId: 'p02' },
      }),
    });
    expect(response.status).toBe(200);
    const { cards } = (await response.json()) as {
      cards: { summary: string; indicator: string; links?: { url: string; type: string }[] }[];
    };
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.some((c) => /not on track/i.test(c.summary))).toBe(true);
    expect(cards.every((c) => c.indicator !== 'critical')).toBe(true);
    expect(cards[0]!.links?.[0]).toMatchObject({ type: 'smart', url: `${sandbox.url}/launch.html` });
  });
});
