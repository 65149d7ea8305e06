// Issue 12 item 7 in the app: after a session the clinician records a rupture's kind and whether it was
// addressed; it is written as an Observation through the save path of the real sandbox engine and read back
// onto the rupture episode the alliance card lists.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assessClient } from '../../src/core/assess';
import { AdministerWorkspace } from '../../src/ui/administer/administer-panel';
import { startTestServer, type TestServer } from '../fhir/write-support';
import { withI18n } from './administer-i18n.test-support';
import { loadAndAssess as loadAndAssessOn, renderWorkspace, seedRuptureHistory } from './support/rupture-history';

let server: TestServer;
const loadAndAssess = () => loadAndAssessOn(server);

beforeEach(async () => {
  server = await startTestServer();
  await seedRuptureHistory(server);
});

describe('the rupture note', () => {
  it('is offered where a rupture was seen, saved as an Observation and shown on the rupture episode', async () => {
    const before = await loadAndAssess();
    expect(before.assessment.alliance.ruptures).toHaveLength(1);
    const user = userEvent.setup();
    await renderWorkspace(server, before);
    const save = screen.getByRole('button', { name: 'Save rupture note' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('radio', { name: /^Confrontation/ }));
    await user.click(screen.getByRole('checkbox', { name: 'We talked about it in the session' }));
    await user.click(save);
    await screen.findByText('The rupture note is saved in the health record.');
    expect(screen.getByText('Rupture note saved in the chart.')).toBeTruthy();

    const after = await loadAndAssess();
    expect(after.assessment.alliance.ruptures[0]?.notes.map((n) => [n.kind, n.addressed])).toEqual([
      ['confrontation', true],
    ]);
    const provenance = (await server.search('Provenance', '')) as fhir4.Provenance[];
    expect(provenance.some((p) => p.target.some((t) => t.reference?.startsWith('Observation/')))).toBe(true);
  });

  it('is not offered when there is no rupture', async () => {
    const { history, capabilities } = await loadAndAssess();
    render(
      await withI18n(
        <AdministerWorkspace
          transport={await server.transport()}
          launch={{ patientId: 'p1', encounterId: undefined, fhirUser: undefined }}
          record={{ history, capabilities, assessment: assessClient({ administrations: [] }) }}
          app={{ name: 'x', version: '1' }}
          onSaved={vi.fn()}
          storage={sessionStorage}
        />,
      ),
    );
    expect(screen.queryByRole('group', { name: 'Record a rupture in this session' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Hand ORS to the client' })).toBeTruthy();
  });
});
