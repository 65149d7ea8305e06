import { setupServer } from 'msw/node';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharedSeededEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import { arriveFromLaunch, authServer, ISS } from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';
import { dashboardDrawn } from '../support/dashboard-drawn';

// The token's smart_style_url: fetched once after the launch, without credentials, applied as custom
// properties; a failure leaves the app's own look and never an error screen.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  document.documentElement.removeAttribute('style');
});
afterAll(() => server.close());

const STYLE_URL = 'http://127.0.0.1:8999/ehr/smart-style.json';

async function launchWithStyle(answer: () => Response): Promise<Request[]> {
  const requests: Request[] = [];
  const auth = authServer({ tokenContext: { patient: 'p03', smart_style_url: STYLE_URL } });
  server.use(
    ...auth.handlers,
    ...fhirHandlers(await sharedSeededEngine(), ISS),
    http.get(STYLE_URL, ({ request }) => {
      requests.push(request);
      return answer();
    }),
  );
  await arriveFromLaunch(auth);
  await renderApp();
  await dashboardDrawn();
  return requests;
}

describe('the EHR style', () => {
  it('is fetched once without credentials and applied to the page root', async () => {
    const requests = await launchWithStyle(() =>
      HttpResponse.json({ color_background: '#f6f7f9', color_highlight: '#1d5fa8', dim_font_size: '16px' }),
    );
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--bg')).toBe('#f6f7f9'));
    expect(document.documentElement.style.getPropertyValue('--font-size')).toBe('16px');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.credentials).toBe('omit');
    expect(requests[0]!.headers.get('authorization')).toBeNull();
  });

  it('a failing style URL leaves the default look and the clinician view', async () => {
    const requests = await launchWithStyle(() => new HttpResponse('oops', { status: 500 }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(document.documentElement.getAttribute('style')).toBeNull();
    expect(screen.getByText('Not on track')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
