import type { ScoringConfig } from '../config';
import { curvesTrajectory } from './curves';
import { intakeSeverityTrajectory } from './intake-severity';
import type { TrajectoryModel } from './model';
import { ruleBasedTrajectory } from './rule-based';

const models: Readonly<Record<ScoringConfig['trajectoryModel'], TrajectoryModel>> = {
  'intake-severity': intakeSeverityTrajectory,
  'rule-based': ruleBasedTrajectory,
  curves: curvesTrajectory,
};

/** The trajectory model the organisation chose (`scoring.trajectoryModel`); a plugged-in model overrides it. */
export function trajectoryFor(config: ScoringConfig): TrajectoryModel {
  return models[config.trajectoryModel];
}
