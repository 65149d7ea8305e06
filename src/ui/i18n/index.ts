import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn } from './common.en';
import { commonEs } from './common.es';
import { dashboardEn } from './dashboard.en';
import { dashboardEs } from './dashboard.es';
import type { UiLanguage } from './locale';

// One i18next instance per app start. Namespaces: `common` and `dashboard` here; the administering UI
// registers `administer` with `addResourceBundle` (see registerNamespace).
export async function createI18n(language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: ['common', 'dashboard'],
    defaultNS: 'dashboard',
    resources: { en: { common: commonEn, dashboard: dashboardEn }, es: { common: commonEs, dashboard: dashboardEs } },
    // React escapes text itself; i18next must not escape it twice.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Adds a namespace (e.g. `administer`) in both languages. */
export function registerNamespace(instance: i18n, ns: string, bundles: Readonly<Record<UiLanguage, object>>): void {
  for (const [language, bundle] of Object.entries(bundles)) instance.addResourceBundle(language, ns, bundle, true, false);
}
