import type { i18n } from 'i18next';
import { administerEn } from '../i18n/administer.en';
import { administerEs } from '../i18n/administer.es';
import { registerNamespace } from '../i18n';

/** Adds the `administer` namespace to the app's i18next instance; call once before mounting the forms. */
export function registerAdministerStrings(instance: i18n): void {
  registerNamespace(instance, 'administer', { en: administerEn, es: administerEs });
}
