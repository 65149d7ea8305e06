import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../src/ui/app/App';
import type { BootEnv } from '../../../src/ui/app/boot';
import { createShellI18n } from '../../../src/ui/i18n';
import type { Language } from '../../../src/core/instruments/types';

/** Renders the app page as main.tsx does, at the page address the test has set. */
export async function renderApp(language: Language = 'en', extra: Partial<BootEnv> = {}) {
  const i18n = await createShellI18n(language);
  const env: BootEnv = {
    url: new URL(location.href),
    i18n,
    fallbackLanguages: [language],
    view: () => import('../../../src/ui/app/clinician-view'),
    fetch: (input, init) => fetch(input, init),
    // A fresh adapter: fhirclient's shared one keeps the first address it saw, and a test changes pages.
    ready: () => new BrowserAdapter().getSmartApi().ready(),
    storage: sessionStorage,
    styleRoot: document.documentElement,
    ...extra,
  };
  return render(
    <I18nextProvider i18n={i18n}>
      <App env={env} />
    </I18nextProvider>,
  );
}
