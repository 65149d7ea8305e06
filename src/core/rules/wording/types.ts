import type { WaiSubscale } from '../../instruments/types';
import type { RuleCode } from '../../model';

/** One rule's words in one language, before its figures are filled in. */
export interface RuleWording {
  /** Short heading: the CodeSystem display, the card's title, the alert's heading. */
  readonly title: string;
  /** What holds, with its thresholds: the CodeSystem definition, the card's detail, the alert's body. */
  readonly meaning: string;
  /** The suggested next step, a prompt to talk with the client. */
  readonly next: string;
  /** The CDS card's one-line summary (under 140 characters); also takes `{instrument}`, `{latest}`, `{intake}`, `{session}`. */
  readonly summary: string;
}

/** Everything a language needs to word the rules. */
export interface RuleWordingTable {
  readonly rules: Readonly<Record<RuleCode, RuleWording>>;
  /** The WAI-SR subscales, as named when their reliable drops differ. */
  readonly subscales: Readonly<Record<WaiSubscale, string>>;
  /** The decimal separator of the language. */
  readonly decimal: '.' | ',';
}
