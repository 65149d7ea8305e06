import type { Language } from '../../core/instruments';

/** The instrument language for an i18next language tag ("es-MX" → es); English otherwise. */
export function instrumentLanguage(tag: string): Language {
  return tag.toLowerCase().startsWith('es') ? 'es' : 'en';
}
