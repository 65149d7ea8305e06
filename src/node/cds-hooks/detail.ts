import type { ClientAssessment } from '../../core/assess';
import { instruments } from '../../core/instruments';
import type { RuleDecision } from '../../core/model';
import type { SeriesPoint } from '../../core/series/types';
import { cardWords, ruleWords, severityWords, type SummaryFigures, thresholdWords } from './words';

// A decision in words: the one-line summary and the markdown detail. Only figures, dates and our own
// words go into the text (no names, no free text from the record), so nothing can inject markdown.

/** The scored responses a decision rests on, oldest first (as the core lists them). */
export function evidencePoints(decision: RuleDecision, assessment: ClientAssessment): SeriesPoint[] {
  const { outcome, alliance, inventory } = assessment.series;
  const byId = new Map([...outcome, ...alliance, ...inventory].map((p) => [p.administrationId, p]));
  return decision.evidence.flatMap((id) => byId.get(id) ?? []);
}

/** Scores in points: one decimal where there is one (33.2), none where there is not (cutoff 36). */
export const points = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function figure(decision: RuleDecision, name: string): string | undefined {
  const value = decision.facts[name] ?? decision.thresholds[name];
  return typeof value === 'number' ? points(value) : value;
}

export function summaryOf(decision: RuleDecision, evidence: readonly SeriesPoint[]): string {
  const latest = evidence.at(-1);
  const figures: SummaryFigures = {
    instrument: latest ? instruments[latest.instrument].shortName : 'Therapy Feedback',
    ...(latest && latest.sessionNumber > 0 ? { session: latest.sessionNumber } : {}),
    ...optional('latest', figure(decision, 'latest')),
    ...optional('intake', figure(decision, 'intake')),
    ...optional('cutoff', figure(decision, 'cutoff')),
  };
  return ruleWords[decision.rule].summary(figures);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function evidenceLine(point: SeriesPoint): string {
  const total =
    point.family === 'inventory'
      ? point.subscales.map((s) => `${s.id} ${s.mean.toFixed(2)}`).join(', ')
      : points(point.total);
  return `- ${instruments[point.instrument].shortName}, ${cardWords.session(point.sessionNumber)}, ${point.date}: ${total}`;
}

function thresholdLine(decision: RuleDecision): string {
  const named = Object.entries(decision.thresholds)
    .map(([name, value]) => `${thresholdWords[name] ?? name} ${value}`)
    .join(', ');
  return `${cardWords.thresholds}: ${named} (rule ${decision.rule}, version ${decision.ruleVersion}).`;
}

export function detailOf(decision: RuleDecision, evidence: readonly SeriesPoint[], unreadable: number): string {
  const words = ruleWords[decision.rule];
  return [
    `**${words.title}** (${severityWords[decision.severity]})`,
    words.meaning,
    `**${cardWords.evidence}**\n\n${evidence.map(evidenceLine).join('\n')}`,
    thresholdLine(decision),
    `**${cardWords.nextStep}:** ${words.next}`,
    cardWords.prompt,
    ...(unreadable > 0 ? [cardWords.unreadableNote(unreadable)] : []),
  ].join('\n\n');
}
