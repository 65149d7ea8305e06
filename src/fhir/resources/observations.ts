// Scores as Observations, in the shape of US Core's screening-assessment profile, in one of two forms
// (smart-launch.json `scoreObservations`):
//
// `components` (the default): one Observation per scored response, with items and WAI-SR subscales as
// `component`s. Why it is the default:
// - The answers themselves already live in the QuestionnaireResponse (`derivedFrom`); one Observation per
//   item would copy them a second time.
// - A total is meaningless without the item scores it sums, and components make them one resource: it is
//   written, retried and made idempotent as a unit, and no reader ever sees a total whose members are
//   half-written.
// - A reader that understands only the total (US Core clients, EHR flowsheets) still reads `code` +
//   `valueQuantity`; the components are extra detail it may ignore.
//
// `us-core-panel` (US Core strict, see score-panel.ts): the panel with `hasMember` that US Core's guidance
// and our Questionnaires' SDC extraction markers describe, for servers and readers that expect it.
import { instruments } from '../../core/instruments';
import type { Administration, Score } from '../../core/model';
import { totalCode } from '../codes';
import { totalCodings } from '../questionnaire/concepts';
import { observationIdentifier } from './identity';
import { commonFields, measures, scoreQuantity, totalValue, type ObservationContext } from './score-parts';
import { buildScorePanel } from './score-panel';

export type { ObservationContext, ScoreForm } from './score-parts';
export { SCORE_FORMS } from './score-parts';

/** The total, with subscales and items as components. */
function componentsForm(score: Score, administration: Administration, ctx: ObservationContext): fhir4.Observation {
  const instrument = instruments[score.instrument];
  return {
    ...commonFields(instrument, administration, ctx),
    identifier: [observationIdentifier(ctx.response.identifierValue, totalCode(instrument.id))],
    code: { coding: totalCodings(instrument), text: `${instrument.title.en} total` },
    ...totalValue(instrument, score.total, ctx.cutoff),
    component: measures(instrument, score).map((m) => ({ code: m.code, valueQuantity: scoreQuantity(m.value) })),
  };
}

/** The Observations of one scored administration, in write order (members before the panel that lists them). */
export function buildObservations(
  score: Score,
  administration: Administration,
  ctx: ObservationContext,
): fhir4.Observation[] {
  return ctx.form === 'us-core-panel'
    ? buildScorePanel(score, administration, ctx)
    : [componentsForm(score, administration, ctx)];
}
