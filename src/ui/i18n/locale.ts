import { languages, type Language } from '../../core/instruments/types';

// The app speaks the core's languages (English and Spanish). The EHR's locale wins over the browser's;
// anything else falls back to English.

/** Session key where the launch page keeps the EHR's `locale` launch parameter for the app page. */
export const LOCALE_KEY = 'therapy-feedback:locale';

function asLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return languages.find((l) => l === primary);
}

/** The first supported language among the candidates (BCP 47 tags, most authoritative first). */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const language = tag ? asLanguage(tag) : undefined;
    if (language) return language;
  }
  return 'en';
}

export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}
