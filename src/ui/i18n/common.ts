import { commonEn, type CommonMessages } from './common.en';
import { commonEs } from './common.es';
import type { UiLanguage } from './locale';

/** The `common` namespace in both languages: the app page's i18next and the launch page's plain DOM read the same map. */
export const commonMessages: Readonly<Record<UiLanguage, CommonMessages>> = { en: commonEn, es: commonEs };
