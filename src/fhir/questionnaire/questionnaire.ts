// One FHIR R4 Questionnaire per instrument, derived from the core definition alone (no clock, no I/O),
// with SDC rendering hints, calculated totals and observation-extraction markers.
import type { Instrument } from '../../core/instruments/types';
import { questionnaireUrl } from '../codes';
import { likertScoreItems, ratingLineTotalItem } from './calculated-items';
import { instrumentCodings, instrumentConcept } from './concepts';
import { observationPanel, translations } from './extensions';
import { instructionsItem, likertItem, ratingLineItem } from './items';
import { CONTENT_LANGUAGE, PUBLISHER, RELEASE_DATE } from './release';

/** A computable name (FHIR wants it to start with a capital and hold only letters, digits and `_`). */
function computableName(instrument: Instrument): string {
  return instrument.shortName.replace(/[^A-Za-z0-9]/g, '_');
}

function questionItems(instrument: Instrument): fhir4.QuestionnaireItem[] {
  const { scale } = instrument;
  return instrument.items.map((item) => {
    if (item.kind === 'rating-line' && scale.type === 'rating-line')
      return ratingLineItem(instrument, item, scale.minMm, scale.maxMm);
    if (item.kind === 'likert' && scale.type === 'likert') return likertItem(instrument, item, scale.options);
    throw new Error(
      `Instrument ${instrument.id}: item ${item.linkId} (${item.kind}) does not fit a ${scale.type} scale`,
    );
  });
}

function scoreItems(instrument: Instrument): fhir4.QuestionnaireItem[] {
  const { scale } = instrument;
  return scale.type === 'likert' ? likertScoreItems(instrument, scale.options) : [ratingLineTotalItem(instrument)];
}

export function buildQuestionnaire(instrument: Instrument): fhir4.Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: instrument.id,
    // The panel of SDC observation-based extraction: coded with `code`, its items its members.
    extension: observationPanel(),
    language: CONTENT_LANGUAGE,
    url: questionnaireUrl(instrument.id),
    version: instrument.version,
    name: computableName(instrument),
    title: instrument.title.en,
    _title: translations(instrument.title),
    status: 'active',
    subjectType: ['Patient'],
    date: RELEASE_DATE,
    publisher: PUBLISHER,
    description: instrumentConcept(instrument).definition,
    copyright: instrument.copyright.en,
    code: instrumentCodings(instrument),
    item: [instructionsItem(instrument), ...questionItems(instrument), ...scoreItems(instrument)],
  };
}
