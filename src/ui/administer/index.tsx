// The administering UI as the app shell loads it (see src/ui/app/app-context.ts): the panel and the
// `administer` namespace in both languages.
import type { UiLanguage } from '../i18n/locale';
import { administerEn } from '../i18n/administer.en';
import { administerEs } from '../i18n/administer.es';
import './administer.css';

export { AdministerPanel } from './administer-panel';

export const administerMessages: Readonly<Record<UiLanguage, object>> = { en: administerEn, es: administerEs };
