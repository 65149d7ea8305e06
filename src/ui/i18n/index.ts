import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonMessages } from './common';
import { languages, type Language } from '../../core/instruments/types';

// One i18next instance per app start. Namespaces: `common` (the shell and its failure screens) and
// `dashboard` (the clinician view); the administering UI registers `administer` (see registerNamespace).

async function initI18n(language: Language, resources: Resource): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(resources['en'] ?? {}),
    defaultNS: 'dashboard',
    resources,
    // React escapes text itself; i18next must not escape it twice.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** i18next's resources: each namespace's messages, by language. */
function resourcesOf(namespaces: Readonly<Record<string, Readonly<Record<Language, object>>>>): Resource {
  return Object.fromEntries(
    languages.map((language) => [
      language,
      Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages[language]])),
    ]),
  );
}

/**
 * The app page's start: `common` only. The `dashboard` namespace comes with the clinician view's chunk
 * (after the token), which keeps its wording out of the initial bundle (DESIGN.md §5).
 */
export function createShellI18n(language: Language): Promise<i18n> {
  return initI18n(language, resourcesOf({ common: commonMessages }));
}

/** Adds a namespace (e.g. `administer`) in every language. */
export function registerNamespace(instance: i18n, ns: string, bundles: Readonly<Record<Language, object>>): void {
  for (const [language, bundle] of Object.entries(bundles))
    instance.addResourceBundle(language, ns, bundle, true, false);
}
