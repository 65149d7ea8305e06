import type { i18n } from 'i18next';
import type { Language } from '../../core/instruments/types';
import { dashboardMessages } from './dashboard';
import { createShellI18n, registerNamespace } from './index';

/**
 * Both namespaces at once, the default thresholds in the alerts (component tests, the bench). Kept apart from
 * index.ts: the app page's start imports that file, and the clinician view's wording must stay out of the
 * initial bundle (the app registers `dashboard` with the view's chunk, DESIGN.md §5).
 */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = await createShellI18n(language);
  registerNamespace(instance, 'dashboard', dashboardMessages);
  return instance;
}
