import { findRuptures } from './alliance/ruptures';
import { allianceStatus, outcomeStatus } from './assessment/status';
import type { AssessInput, ClientAssessment, OutcomeAssessment } from './assessment/types';
import { defaultScoringConfig, type ScoringConfig } from './config';
import { calendarDate } from './dates';
import type { RuleDecision, RuptureNote } from './model';
import { evaluateRules } from './rules';
import { outcomeCutoff } from './rules/cutoff';
import { changeOf } from './series/change';
import { dropSameDayDuplicates } from './series/dedupe';
import { lastTwo } from './series/latest';
import { placeInEpisodes } from './series/episodes';
import { scoreAll } from './series/score-all';
import type { Episode, Family, SeriesPoint } from './series/types';
import { expectedCurve, isClinicalIntake, type TrajectoryContext, type TrajectoryModel } from './trajectory/model';
import { trajectoryFor } from './trajectory/select';

export type * from './assessment/types';

type ByFamily = Record<Family, SeriesPoint[]>;

/** Each family's points, in order, in one pass (this runs for every patient of a population). */
function byFamily(points: readonly SeriesPoint[], episode?: number): ByFamily {
  const split: ByFamily = { outcome: [], alliance: [], inventory: [] };
  for (const p of points) if (episode === undefined || p.episode === episode) split[p.family].push(p);
  return split;
}

function trajectoryContextOf(outcome: readonly SeriesPoint[], config: ScoringConfig): TrajectoryContext | undefined {
  const intake = outcome[0];
  if (!intake) return undefined;
  const cutoff = outcomeCutoff(config, intake.ageBand, intake.instrument);
  if (cutoff === undefined) return undefined;
  return { intake: intake.total, cutoff, config, ...(intake.ageBand ? { ageBand: intake.ageBand } : {}) };
}

function outcomeAssessment(
  outcome: SeriesPoint[],
  model: TrajectoryModel,
  context: TrajectoryContext | undefined,
  config: ScoringConfig,
  decisions: readonly RuleDecision[],
): OutcomeAssessment {
  const intake = outcome[0];
  const { latest, previous } = lastTwo(outcome);
  const change = changeOf(outcome, config.orsReliableChange);
  const through = Math.max(latest?.sessionNumber ?? 0, config.notOnTrackPersistentFrom);
  const clinicalIntake = context !== undefined && isClinicalIntake(context);
  return {
    points: outcome,
    ...(intake ? { intake } : {}),
    ...(latest ? { latest } : {}),
    ...(previous ? { previous } : {}),
    ...(change ? { change } : {}),
    ...(context ? { cutoff: context.cutoff } : {}),
    ...(context?.ageBand ? { intakeAgeBand: context.ageBand } : {}),
    expected: context ? expectedCurve(model, through, context) : [],
    trajectoryStatus: context && latest ? model.classify(latest.total, latest.sessionNumber, context) : 'no-status',
    status: outcomeStatus({
      points: outcome,
      clinicalIntake,
      change,
      decisions,
      judgedFrom: config.notOnTrackEarlyFrom,
    }),
  };
}

/** The clinician's rupture notes dated within the current episode (from its first day on). */
function notesIn(episode: Episode | undefined, notes: readonly RuptureNote[] | undefined): readonly RuptureNote[] {
  if (!episode || !notes || notes.length === 0) return [];
  return notes.filter((n) => calendarDate(n.date) >= episode.startDate);
}

/**
 * Assesses one client from their whole history: scores, episodes, the current episode's series per family,
 * change, the trajectory, rupture episodes and every rule that holds after the latest responses. Pure: the
 * same input in any order gives the same assessment.
 */
export function assessClient(input: AssessInput): ClientAssessment {
  const config = input.config ?? defaultScoringConfig;
  const model = input.trajectory ?? trajectoryFor(config);
  const { scored, unscorable, warnings, replaced } = scoreAll(
    input.administrations,
    input.birthDate,
    input.scoredAhead,
  );
  const { counted, superseded } = dropSameDayDuplicates(scored);
  const { points, episodes } = placeInEpisodes(counted, config.episodeGapDays);
  const currentEpisode = episodes.at(-1);
  const { outcome, alliance, inventory } = byFamily(points, currentEpisode?.index);
  const context = trajectoryContextOf(outcome, config);
  const notes = notesIn(currentEpisode, input.ruptureNotes);
  const ruptures = findRuptures(alliance, inventory, config, notes);
  const decisions = evaluateRules({
    config,
    outcome,
    alliance,
    inventory,
    ruptures,
    trajectory: model,
    ...(context ? { trajectoryContext: context } : {}),
  });
  const latestAgeBand = points.at(-1)?.ageBand;
  return {
    series: byFamily(points),
    episodes,
    ...(currentEpisode ? { currentEpisode } : {}),
    outcome: outcomeAssessment(outcome, model, context, config, decisions),
    alliance: {
      points: alliance,
      ...lastTwo(alliance),
      cutoff: config.srsCutoff,
      status: allianceStatus(alliance, inventory, decisions),
      ruptures,
      notes,
    },
    inventory: { points: inventory, ...lastTwo(inventory) },
    decisions,
    unscorable,
    superseded: replaced.length === 0 ? superseded : [...replaced, ...superseded],
    warnings,
    notScored: unscorable.length,
    ...(latestAgeBand ? { latestAgeBand } : {}),
    trajectoryModel: { id: model.id, label: model.label, version: model.version },
    config,
  };
}
