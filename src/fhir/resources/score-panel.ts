// The "US Core strict" form of the score Observations, as US Core's screening-and-assessment guidance
// describes a multi-question instrument: a panel Observation (category survey, coded as the instrument,
// no value) whose `hasMember` lists one Observation per measure — the total, each WAI-SR subscale, each
// item — every one its own survey Observation derived from the QuestionnaireResponse. It is what SDC
// observation-based extraction of our Questionnaires yields (root `true`, every item `member`).
//
// Each member's identifier is `<response identifier>/<measure code>` and its fullUrl derives from it, so the
// panel can name its members before anything is written and a retry rebuilds the very same set (the total
// member keeps the identifier the components form gives its one Observation).
import type { Instrument } from '../../core/instruments/types';
import { instruments } from '../../core/instruments';
import type { Administration, Score } from '../../core/model';
import { totalCode } from '../codes';
import { instrumentCodings, instrumentConcept, totalCodings } from '../questionnaire/concepts';
import { fullUrlFor, observationIdentifier, type IdentifierToken } from './identity';
import { commonFields, measures, scoreQuantity, totalValue, type ObservationContext } from './score-parts';

interface Member {
  readonly token: IdentifierToken;
  readonly observation: fhir4.Observation;
}

function member(ctx: ObservationContext, code: string, fields: Omit<fhir4.Observation, 'identifier'>): Member {
  const token = observationIdentifier(ctx.response.identifierValue, code);
  return { token, observation: { ...fields, identifier: [token] } };
}

function members(
  instrument: Instrument,
  score: Score,
  administration: Administration,
  ctx: ObservationContext,
): Member[] {
  const common = commonFields(instrument, administration, ctx);
  const total = member(ctx, totalCode(instrument.id), {
    ...common,
    code: { coding: totalCodings(instrument), text: `${instrument.title.en} total` },
    ...totalValue(instrument, score.total, ctx.cutoff),
  });
  const parts = measures(instrument, score).map((m) =>
    member(ctx, m.projectCode, {
      ...common,
      code: m.code,
      valueQuantity: scoreQuantity(m.value),
    }),
  );
  return [total, ...parts];
}

/** Members first (total, subscales, items), then the panel that lists them. */
export function buildScorePanel(
  score: Score,
  administration: Administration,
  ctx: ObservationContext,
): fhir4.Observation[] {
  const instrument = instruments[score.instrument];
  const all = members(instrument, score, administration, ctx);
  const panel = member(ctx, instrumentConcept(instrument).code, {
    ...commonFields(instrument, administration, ctx),
    code: { coding: instrumentCodings(instrument), text: instrument.title.en },
    hasMember: all.map((m) => ({ reference: fullUrlFor(m.token) })),
  });
  return [...all, panel].map((m) => m.observation);
}
