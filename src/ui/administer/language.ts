import type { Language } from '../../core/instruments';
import { pickLanguage } from '../i18n/locale';

/** The instrument language for an i18next language tag ("es-MX" → es); English otherwise. */
export function instrumentLanguage(tag: string): Language {
  // The instruments are written in exactly the languages the app speaks, so the app's choice is theirs.
  return pickLanguage([tag]);
}
