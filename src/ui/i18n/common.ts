import { commonEn, type CommonMessages } from './common.en';
import { commonEs } from './common.es';
import type { Language } from '../../core/instruments/types';

/** The `common` namespace in both languages: the app page's i18next and the launch page's plain DOM read the same map. */
export const commonMessages: Readonly<Record<Language, CommonMessages>> = { en: commonEn, es: commonEs };
