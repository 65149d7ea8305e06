import type { RuleCode, Severity } from '../../core/model';

// Every word a card shows, in English (the only language cards need for now). Alerts are worded as
// prompts to talk with the client, never as diagnoses (instruments.md Part A).

/** Figures a summary may quote, already formatted. */
export interface SummaryFigures {
  readonly instrument: string;
  readonly session?: number;
  readonly latest?: string;
  readonly intake?: string;
  readonly cutoff?: string;
}

export interface RuleWords {
  readonly title: string;
  summary(figures: SummaryFigures): string;
  readonly meaning: string;
  readonly next: string;
}

const afterSessions = (f: SummaryFigures): string => (f.session ? ` after ${f.session} sessions` : '');

export const ruleWords: Readonly<Record<RuleCode, RuleWords>> = {
  'outcome-deterioration': {
    title: 'Scores have fallen since intake',
    summary: (f) =>
      `${f.instrument}: reliably worse than at intake (${f.intake} → ${f.latest}) — check in with the client`,
    meaning: 'The latest outcome score is lower than the intake score by at least the reliable-change amount.',
    next: 'Ask the client how things are going and what has changed. Consider changing the approach or consulting a colleague.',
  },
  'outcome-not-on-track-early': {
    title: 'Not on track yet',
    summary: (f) => `${f.instrument}: not on track${afterSessions(f)} — discuss progress with the client`,
    meaning:
      'The client started in the clinical range and, several sessions in, the outcome score has not improved by a reliable amount.',
    next: 'Talk with the client about what is helping and what is not, and review the goals together.',
  },
  'outcome-not-on-track-persistent': {
    title: 'Still not on track',
    summary: (f) =>
      `${f.instrument}: still not on track${afterSessions(f)} — review goals and approach with the client`,
    meaning: 'Six or more sessions in, the outcome score has not improved by a reliable amount since intake.',
    next: 'Review the goals with the client; consider changing the approach, adding support, or consulting a colleague.',
  },
  'outcome-sharp-drop': {
    title: 'Sharp drop since the last session',
    summary: (f) => `${f.instrument}: sharp drop since the last session — ask the client what happened`,
    meaning: 'The outcome score fell by at least the reliable-change amount since the previous session.',
    next: 'Ask the client what has happened since the last session.',
  },
  'outcome-recovered': {
    title: 'Reliable improvement',
    summary: (f) => `${f.instrument}: reliably improved and now above the clinical cutoff (${f.latest})`,
    meaning:
      'The client started in the clinical range, improved by at least the reliable-change amount and now scores above the cutoff.',
    next: 'Talk with the client about keeping the gains and about planning the ending of therapy.',
  },
  'alliance-concern': {
    title: 'Session rated below the alliance cutoff',
    summary: (f) =>
      `${f.instrument}: last session rated ${f.latest}, below ${f.cutoff} — ask the client what could be better`,
    meaning:
      'The latest session rating is below the cutoff: the client may not feel fully heard, or the way of working may not fit.',
    next: 'Invite the client to say what could make the sessions more useful, and thank them for saying so.',
  },
  'alliance-rupture-risk': {
    title: 'Possible strain in the working relationship',
    summary: (f) => `${f.instrument}: possible strain in the working relationship — talk it through with the client`,
    meaning: 'The session rating fell sharply, stayed below the cutoff, or is low while the outcome is off track.',
    next: 'Talk openly with the client about the relationship and the way of working; consider consulting a colleague.',
  },
  'alliance-dip': {
    title: 'Session rated lower than last time',
    summary: (f) => `${f.instrument}: session rated lower than last time — check in with the client`,
    meaning: 'The latest session rating is lower than the previous one.',
    next: 'Check in with the client about what felt different in this session.',
  },
  'alliance-item-concern': {
    title: 'One aspect of the session rated lower',
    summary: (f) => `${f.instrument}: one aspect of the session rated low — ask the client about it`,
    meaning: 'At least one session rating item is below 9.',
    next: 'Ask the client about that aspect: the relationship, the goals, the approach or the session overall.',
  },
  'alliance-wai-drop': {
    title: 'Working alliance ratings dropped',
    summary: (f) =>
      `${f.instrument}: alliance ratings dropped since the last inventory — review goals, tasks and bond together`,
    meaning:
      'A WAI-SR subscale mean fell by at least its reliable-change amount (default 1.0) since the previous inventory.',
    next: 'Review the agreed goals and tasks and the bond with the client.',
  },
  'alliance-wai-dip': {
    title: 'Working alliance ratings dipped',
    summary: (f) =>
      `${f.instrument}: alliance ratings dipped since the last inventory — keep an eye on goals, tasks and bond`,
    meaning: 'A WAI-SR subscale mean fell by 0.5 or more since the previous inventory, less than a reliable change.',
    next: 'Keep the goals, tasks and bond in mind at the next sessions.',
  },
  'alliance-rupture-unresolved': {
    title: 'A rupture in the working relationship has not been repaired',
    summary: (f) =>
      `${f.instrument}: the alliance has not come back to the client's own level — talk about what happened between you`,
    meaning:
      "A session rating (or a WAI-SR subscale) fell reliably below the client's own level, or below the cutoff after good ratings, and did not come back within the repair window.",
    next: 'Metacommunicate: name the change you noticed, invite the client to say what happened between you, and acknowledge your part.',
  },
};

export const severityWords: Readonly<Record<Severity, string>> = {
  high: 'high priority',
  medium: 'medium priority',
  low: 'low priority',
  info: 'for information',
};

/** The core's threshold names, as a reader says them. */
export const thresholdWords: Readonly<Record<string, string>> = {
  cutoff: 'cutoff',
  reliableChange: 'reliable change',
  fromSession: 'from session',
  ruptureDrop: 'drop that signals a rupture risk',
  subscaleMeanDrop: 'subscale mean drop',
  dip: 'dip',
  itemConcern: 'item concern below',
  reliableTask: 'reliable Task drop',
  reliableBond: 'reliable Bond drop',
  reliableGoal: 'reliable Goal drop',
  repairWindow: 'repair window (ratings)',
};

export const cardWords = {
  source: 'Therapy Feedback',
  openApp: 'Open Therapy Feedback',
  evidence: 'Evidence',
  thresholds: 'Thresholds',
  nextStep: 'Suggested next step',
  prompt: 'This is a prompt to talk with the client, not a diagnosis.',
  session: (n: number): string => (n > 0 ? `session ${n}` : 'before the first outcome session'),
  unreadableNote: (n: number): string =>
    `${n} response${n === 1 ? '' : 's'} in the record could not be read and ${n === 1 ? 'is' : 'are'} not part of these scores.`,
  unreadableSummary: (n: number): string =>
    `${n} Therapy Feedback response${n === 1 ? '' : 's'} could not be read — open the app to see why`,
  unreadableDetail:
    'Responses that cannot be read are left out of the scores and alerts, so an alert may be missing. The app lists each one with the reason.',
} as const;
