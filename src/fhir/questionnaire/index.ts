export { buildQuestionnaire } from './questionnaire';
export { buildCodeSystem, CODE_SYSTEM_ID } from './code-system';
export { buildValueSets } from './value-sets';
export { publishedArtefacts, artefactFileName, serializeArtefact, type PublishedArtefact } from './artefacts';
export { totalLinkId } from './calculated-items';
export { itemText } from './items';
