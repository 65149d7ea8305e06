import { allianceStatus, outcomeStatus } from './assessment/status';
import type { AssessInput, ClientAssessment, OutcomeAssessment } from './assessment/types';
import { defaultScoringConfig, type ScoringConfig } from './config';
import { evaluateRules } from './rules';
import { outcomeCutoff } from './rules/cutoff';
import { changeOf } from './series/change';
import { dropSameDayDuplicates } from './series/dedupe';
import { lastTwo } from './series/latest';
import { placeInEpisodes } from './series/episodes';
import { scoreAll } from './series/score-all';
import type { Family, SeriesPoint } from './series/types';
import { expectedCurve, isClinicalIntake, type TrajectoryContext, type TrajectoryModel } from './trajectory/model';
import { ruleBasedTrajectory } from './trajectory/rule-based';

export type * from './assessment/types';

type ByFamily = Record<Family, SeriesPoint[]>;

/** Each family's points, in order, in one pass (this runs for every patient of a population). */
function byFamily(points: readonly SeriesPoint[]): ByFamily {
  const split: ByFamily = { outcome: [], alliance: [], inventory: [] };
  for (const p of points) split[p.family].push(p);
  return split;
}

function trajectoryContextOf(outcome: readonly SeriesPoint[], config: ScoringConfig): TrajectoryContext | undefined {
  const intake = outcome[0];
  if (!intake) return undefined;
  const cutoff = outcomeCutoff(config, intake.ageBand, intake.instrument);
  if (cutoff === undefined) return undefined;
  return { intake: intake.total, cutoff, config, ...(intake.ageBand ? { ageBand: intake.ageBand } : {}) };
}

type OutcomeFigures = Omit<OutcomeAssessment, 'status'>;

function outcomeFigures(outcome: SeriesPoint[], model: TrajectoryModel, context: TrajectoryContext | undefined, config: ScoringConfig): OutcomeFigures {
  const intake = outcome[0];
  const { latest, previous } = lastTwo(outcome);
  const change = changeOf(outcome, config.orsReliableChange);
  const through = Math.max(latest?.sessionNumber ?? 0, config.notOnTrackPersistentFrom);
  return {
    points: outcome,
    ...(intake ? { intake } : {}), ...(latest ? { latest } : {}), ...(previous ? { previous } : {}), ...(change ? { change } : {}),
    ...(context ? { cutoff: context.cutoff } : {}),
    ...(context?.ageBand ? { intakeAgeBand: context.ageBand } : {}),
    expected: context ? expectedCurve(model, through, context) : [],
    trajectoryStatus: context && latest ? model.classify(latest.total, latest.sessionNumber, context) : 'no-status',
  };
}

/**
 * Assesses one client from their whole history: scores, episodes, the current episode's series per family,
 * change, the trajectory and every rule that holds after the latest responses. Pure: the same input in any
 * order gives the same assessment.
 */
export function assessClient(input: AssessInput): ClientAssessment {
  const config = input.config ?? defaultScoringConfig;
  const model = input.trajectory ?? ruleBasedTrajectory;
  const { scored, unscorable } = scoreAll(input.administrations, input.birthDate);
  const { counted, superseded } = dropSameDayDuplicates(scored);
  const { points, episodes } = placeInEpisodes(counted, config.episodeGapDays);
  const currentEpisode = episodes.at(-1);
  const series = byFamily(points);
  const { outcome, alliance, inventory } = byFamily(points.filter((p) => p.episode === currentEpisode?.index));
  const context = trajectoryContextOf(outcome, config);
  const decisions = evaluateRules({ config, outcome, alliance, inventory, trajectory: model, ...(context ? { trajectoryContext: context } : {}) });
  const figures = outcomeFigures(outcome, model, context, config);
  const clinicalIntake = context !== undefined && isClinicalIntake(context);
  const latestAgeBand = points.at(-1)?.ageBand;
  return {
    series,
    episodes,
    ...(currentEpisode ? { currentEpisode } : {}),
    outcome: { ...figures, status: outcomeStatus(outcome, clinicalIntake, decisions, figures.trajectoryStatus) },
    alliance: { points: alliance, ...lastTwo(alliance), cutoff: config.srsCutoff, status: allianceStatus(alliance, decisions) },
    inventory: { points: inventory, ...lastTwo(inventory) },
    decisions,
    unscorable,
    superseded,
    ...(latestAgeBand ? { latestAgeBand } : {}),
    trajectoryModel: { id: model.id, label: model.label, version: model.version },
    config,
  };
}
