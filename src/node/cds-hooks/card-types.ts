// The CDS Hooks response shapes this service produces (CDS Hooks 2.0 "Card Attributes"). Optional
// fields are left out rather than sent empty: the specification forbids null and empty values.

export type Indicator = 'info' | 'warning' | 'critical';

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface CardSource {
  readonly label: string;
  readonly url?: string;
  readonly topic?: Coding;
}

export interface CardLink {
  readonly label: string;
  readonly url: string;
  readonly type: 'absolute' | 'smart';
  /** Handed to the SMART app in its token response when the link launches it. */
  readonly appContext?: string;
}

export interface Card {
  readonly uuid: string;
  /** One sentence, under 140 characters. */
  readonly summary: string;
  /** GitHub-flavoured markdown. */
  readonly detail: string;
  readonly indicator: Indicator;
  readonly source: CardSource;
  readonly links?: readonly CardLink[];
}

export interface CdsResponse {
  readonly cards: readonly Card[];
}
