import FHIR from 'fhirclient';
import '../styles/base.css';
import { commonMessages } from '../i18n/common';
import { browserLanguages, LOCALE_KEY, pickLanguage } from '../i18n/locale';
import { clearPreviousSmartState } from './clear-state';
import { renderFailure } from './failure-dom';
import { planLaunch } from './plan-launch';

// The launch page: read the runtime configuration, pick the EHR's registration, and hand over to its
// authorization server. It never shows patient data.
async function launch(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const language = pickLanguage([params.get('locale'), ...browserLanguages()]);
  const messages = commonMessages[language];
  document.documentElement.lang = language;
  const plan = await planLaunch({ search: location.search, origin: location.origin, fetch: window.fetch.bind(window) });
  if (!plan.ok) {
    renderFailure(root, plan.error, messages, () => location.reload());
    return;
  }
  clearPreviousSmartState(sessionStorage);
  if (plan.value.locale) sessionStorage.setItem(LOCALE_KEY, plan.value.locale);
  else sessionStorage.removeItem(LOCALE_KEY);
  try {
    await FHIR.oauth2.authorize(plan.value.authorize);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    renderFailure(root, { kind: 'authorize-failed', params: { detail }, retry: true }, messages, () =>
      location.reload(),
    );
  }
}

const root = document.getElementById('root');
if (root) void launch(root);
