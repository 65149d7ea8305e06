import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { registerNamespace } from '../../src/ui/i18n';
import { createI18n } from '../../src/ui/i18n/with-dashboard';
import { administerMessages } from '../../src/ui/administer/messages';

/** Wraps UI in the app's own i18next set-up with the `administer` namespace, in the given language. */
export async function withI18n(ui: ReactNode, language: 'en' | 'es' = 'en'): Promise<ReactNode> {
  const instance = await createI18n(language);
  registerNamespace(instance, 'administer', administerMessages);
  return <I18nextProvider i18n={instance}>{ui}</I18nextProvider>;
}
