import { administerEn } from '../i18n/administer.en';
import { administerEs } from '../i18n/administer.es';
import type { UiLanguage } from '../i18n/locale';

/** The `administer` i18n namespace in every language the app speaks. */
export const administerMessages: Readonly<Record<UiLanguage, object>> = { en: administerEn, es: administerEs };
