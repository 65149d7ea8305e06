import type { Severity } from '../../core/model';

// The words a card shows around a rule's own (core/rules/wording), in English: the only language cards
// need for now.

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
