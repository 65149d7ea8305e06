import { dashboardEn } from './dashboard.en';
import { dashboardEs } from './dashboard.es';
import type { UiLanguage } from './locale';

/** The clinician view's `dashboard` namespace in both languages. */
export const dashboardMessages: Readonly<Record<UiLanguage, typeof dashboardEn>> = { en: dashboardEn, es: dashboardEs };
