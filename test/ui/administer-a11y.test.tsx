import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import { instruments, type InstrumentId } from '../../src/core/instruments';
import { AdministerForm } from '../../src/ui/administer/administer-form';
import { withI18n } from './administer-i18n.test-support';

// axe's structural rules (names, roles, ARIA values, labels); colour contrast needs a real browser.
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('administer forms and axe', () => {
  it.each<InstrumentId>(['ors', 'csrs', 'wai-sr'])('%s has no axe violations, untouched and answered', async (id) => {
    const answers = Object.fromEntries(instruments[id].items.map((item) => [item.linkId, 3]));
    const client = render(
      await withI18n(
        <main>
          <AdministerForm
            instrument={instruments[id]}
            patientKey="p1"
            now={() => ''}
            onSubmit={() => {}}
            presentation="client"
            newDraftId={() => 'd'}
          />
        </main>,
      ),
    );
    expect(await violations()).toEqual([]);
    client.unmount();
    sessionStorage.setItem(`tf-administer-draft:p2:${id}:d`, JSON.stringify({ draftId: 'd', answers }));
    // Paper entry sits in the clinician view's "administer" section, under its h2.
    render(
      await withI18n(
        <main>
          <h1>Client</h1>
          <section>
            <h2>Administer</h2>
            <AdministerForm
              instrument={instruments[id]}
              patientKey="p2"
              now={() => ''}
              onSubmit={() => {}}
              presentation="paper"
              newDraftId={() => 'd'}
            />
          </section>
        </main>,
      ),
    );
    expect(await violations()).toEqual([]);
  });
});
