import FHIR from 'fhirclient';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../styles/base.css';
import '../styles/app.css';
import '../styles/print.css';
import { createShellI18n } from '../i18n';
import { browserLanguages, LOCALE_KEY, pickLanguage } from '../i18n/locale';
import { App } from './App';
import type { BootEnv } from './boot';

// The app page (the SMART redirect URI). The address is read before fhirclient cleans `code`/`state`
// out of it; the language starts from the EHR's launch locale or the browser and may be refined by the token.
async function main(root: HTMLElement): Promise<void> {
  const fallbackLanguages = [sessionStorage.getItem(LOCALE_KEY), ...browserLanguages()].filter((l): l is string =>
    Boolean(l),
  );
  const i18n = await createShellI18n(pickLanguage(fallbackLanguages));
  const env: BootEnv = {
    url: new URL(location.href),
    i18n,
    fallbackLanguages,
    view: () => import('./clinician-view'),
    fetch: window.fetch.bind(window),
    ready: () => FHIR.oauth2.ready(),
    storage: sessionStorage,
    styleRoot: document.documentElement,
  };
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18n.language;
  // Paper has no disclosure widgets: print every chart's table.
  window.addEventListener('beforeprint', () =>
    document.querySelectorAll('details').forEach((d) => {
      d.open = true;
    }),
  );
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <App env={env} />
    </I18nextProvider>,
  );
}

const root = document.getElementById('root');
if (root) void main(root);
