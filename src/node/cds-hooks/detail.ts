import type { ClientAssessment } from '../../core/assess';
import { instruments } from '../../core/instruments';
import type { ScoringConfig } from '../../core/config';
import type { RuleDecision } from '../../core/model';
import { fillPlaceholders, ruleWording } from '../../core/rules/wording';
import type { SeriesPoint } from '../../core/series/types';
import { cardWords, severityWords, thresholdWords } from './words';

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

/** The rule's one-line summary with the decision's own figures (the thresholds come from `config`). */
export function summaryOf(decision: RuleDecision, evidence: readonly SeriesPoint[], config: ScoringConfig): string {
  const latest = evidence.at(-1);
  const figures: Record<string, string | number> = {
    instrument: latest ? instruments[latest.instrument].shortName : 'Therapy Feedback',
    ...(latest ? { session: latest.sessionNumber } : {}),
  };
  for (const name of ['latest', 'intake']) {
    const value = figure(decision, name);
    if (value !== undefined) figures[name] = value;
  }
  return fillPlaceholders(ruleWording(decision.rule, 'en', config).summary, figures);
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

export function detailOf(
  decision: RuleDecision,
  evidence: readonly SeriesPoint[],
  unreadable: number,
  config: ScoringConfig,
): string {
  const words = ruleWording(decision.rule, 'en', config);
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
