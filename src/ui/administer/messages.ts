import { administerEn } from '../i18n/administer.en';
import { administerEs } from '../i18n/administer.es';
import type { Language } from '../../core/instruments/types';

/** The `administer` i18n namespace in every language the app speaks. */
export const administerMessages: Readonly<Record<Language, object>> = { en: administerEn, es: administerEs };
