import type { ScoringConfig } from '../../config';
import type { Language } from '../../instruments/types';
import type { RuleCode } from '../../model';
import { ruleWordingEn } from './en';
import { ruleWordingEs } from './es';
import type { RuleWording, RuleWordingTable } from './types';

export type { RuleWording, RuleWordingTable } from './types';

// A rule's words, in one home per language: the Flag's text, the CodeSystem's display and definition, the
// CDS card and the dashboard alert are all derived from these templates. The figures a rule uses are never
// written into the words: `{name}` placeholders are filled from the scoring configuration in force, so a
// deployment that changes a threshold reads its own figure everywhere.

export const ruleWordingTables: Readonly<Record<Language, RuleWordingTable>> = { en: ruleWordingEn, es: ruleWordingEs };

/** The configuration's figures by placeholder name, written as the language writes numbers. */
export function thresholdFigures(config: ScoringConfig, language: Language): Readonly<Record<string, string>> {
  const table = ruleWordingTables[language];
  const number = (value: number): string => String(value).replace('.', table.decimal);
  const mean = (value: number): string =>
    (Number.isInteger(value) ? value.toFixed(1) : String(value)).replace('.', table.decimal);
  const wai = config.waiReliableDrop;
  const sameDrop = wai.task === wai.bond && wai.bond === wai.goal;
  return {
    reliableChange: number(config.orsReliableChange),
    allianceCutoff: number(config.srsCutoff),
    ruptureDrop: number(config.srsRuptureDrop),
    dip: number(config.srsDip),
    itemConcern: number(config.srsItemConcern),
    waiDip: mean(config.waiSubscaleMeanDrop),
    waiReliableDrop: sameDrop
      ? mean(wai.task)
      : (['task', 'bond', 'goal'] as const).map((id) => `${table.subscales[id]} ${mean(wai[id])}`).join(', '),
    repairWindow: number(config.ruptureRepairWindow),
    earlyFrom: number(config.notOnTrackEarlyFrom),
    earlyTo: number(config.notOnTrackPersistentFrom - 1),
    persistentFrom: number(config.notOnTrackPersistentFrom),
  };
}

/** Replaces each `{name}` that `values` names; other placeholders stay for a later fill. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** A rule's words in a language, with the configuration's thresholds filled in. */
export function ruleWording(code: RuleCode, language: Language, config: ScoringConfig): RuleWording {
  const template = ruleWordingTables[language].rules[code];
  const figures = thresholdFigures(config, language);
  return {
    title: fillPlaceholders(template.title, figures),
    meaning: fillPlaceholders(template.meaning, figures),
    next: fillPlaceholders(template.next, figures),
    summary: fillPlaceholders(template.summary, figures),
  };
}
