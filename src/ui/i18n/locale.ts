// The app speaks English and Spanish. The EHR's locale wins over the browser's; anything else falls back
// to English.
export type UiLanguage = 'en' | 'es';

export const uiLanguages: readonly UiLanguage[] = ['en', 'es'];

/** Session key where the launch page keeps the EHR's `locale` launch parameter for the app page. */
export const LOCALE_KEY = 'therapy-feedback:locale';

function asUiLanguage(tag: string): UiLanguage | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return uiLanguages.find((l) => l === primary);
}

/** The first supported language among the candidates (BCP 47 tags, most authoritative first). */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): UiLanguage {
  for (const tag of candidates) {
    const language = tag ? asUiLanguage(tag) : undefined;
    if (language) return language;
  }
  return 'en';
}

export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}
