// The steps of docs/extending.md that the typecheck cannot see. A new rule, instrument or language that
// misses one of them fails here, by name.
import { describe, expect, it } from 'vitest';
import { instrumentIds, instruments } from '../../src/core/instruments';
import { rules } from '../../src/core/rules';
import { ruleWordingTables } from '../../src/core/rules/wording';
import { buildCodeSystem, buildQuestionnaire } from '../../src/fhir/questionnaire';
import { EXTENSIONS } from '../../src/fhir/codes';
import { licenceSchema } from '../../src/fhir/smart-launch-config';
import { administerMessages } from '../../src/ui/administer/messages';
import { caseloadMessages } from '../../src/ui/caseload/messages';
import { commonMessages } from '../../src/ui/i18n/common';
import { dashboardMessages } from '../../src/ui/i18n/dashboard';
import { languages } from '../../src/core/instruments/types';
import { pickLanguage } from '../../src/ui/i18n/locale';

/** i18next context variants (`key_child`: Spanish speaks to children with tú) are forms of one message, not extra ones. */
const withoutContexts = (paths: readonly string[]): string[] =>
  [...new Set(paths.map((p) => p.replace(/_child$/, '')))].sort();

/** Every leaf of a messages object as a dotted path: the shape two languages must share. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value)
    .flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key))
    .sort();
}

describe('a new rule (docs/extending.md §1)', () => {
  it.each(languages)('every rule in the catalogue is worded in %s, and every worded code is a rule', (language) => {
    expect(rules.map((r) => r.code).sort()).toEqual(Object.keys(ruleWordingTables[language].rules).sort());
  });

  it.each(rules.map((r) => r.code))('%s: the CodeSystem defines it in its own words', (code) => {
    const concept = (buildCodeSystem().concept ?? []).find((c) => c.code === code);
    expect(concept?.display).toBe(ruleWordingTables.en.rules[code].title);
  });

  it.each(rules.flatMap((r) => languages.map((language) => [r.code, language] as const)))(
    '%s: the dashboard alert is worded in %s',
    (code, language) => {
      const wording = (
        dashboardMessages[language].alerts.rule as Record<string, { title?: string; meaning?: string; next?: string }>
      )[code];
      expect(wording?.title && wording.meaning && wording.next).toBeTruthy();
    },
  );
});

describe('a new instrument (docs/extending.md §2)', () => {
  it.each(instrumentIds)('%s: a deployment can license it in smart-launch.json', (id) => {
    expect(licenceSchema.safeParse({ holder: 'h', reference: 'r', instruments: [id] }).success).toBe(true);
  });
});

describe('a new language (docs/extending.md §4)', () => {
  it.each(languages)('a launch in %s (any region) is spoken in it', (language) => {
    expect(pickLanguage([`${language}-XX`, 'en'])).toBe(language);
  });

  it.each(languages)('every namespace has the same messages in %s as in English', (language) => {
    for (const messages of [commonMessages, dashboardMessages, administerMessages, caseloadMessages]) {
      expect(withoutContexts(leafPaths(messages[language]))).toEqual(withoutContexts(leafPaths(messages.en)));
    }
  });

  it.each(languages.filter((l) => l !== 'en'))(
    'the published Questionnaires carry the %s wording as a translation extension',
    (language) => {
      const translations = (buildQuestionnaire(instruments.ors)._title?.extension ?? []).filter(
        (e) => e.url === EXTENSIONS.translation,
      );
      const inLanguage = translations.find((t) => t.extension?.find((e) => e.url === 'lang')?.valueCode === language);
      expect(inLanguage?.extension?.find((e) => e.url === 'content')?.valueString).toBe(
        instruments.ors.title[language],
      );
    },
  );
});
