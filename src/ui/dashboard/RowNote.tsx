import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScoringProblem } from '../../core/model';
import { useFormat, type Formatters } from '../format';
import { itemLabelOfLinkId } from './item-labels';
import type { RowNote } from './view-model';

// Why a response has no score or is not saved, in the active language. The core's describeProblem stays
// the English wording for logs and the CLI; here each problem kind has its own message with its figures,
// items by the names the client saw and a response's state in plain words (never its link ids or status code).

const statesWithWords = ['in-progress', 'stopped', 'entered-in-error'] as const;
type StateWithWords = (typeof statesWithWords)[number];
const hasWords = (status: string): status is StateWithWords => (statesWithWords as readonly string[]).includes(status);

function problemText(problem: ScoringProblem, t: TFunction<'dashboard'>, f: Formatters, language: string): string {
  const item = (linkId: string) => itemLabelOfLinkId(linkId, language);
  switch (problem.kind) {
    case 'malformed':
      return t('table.problem.malformed', { reason: problem.reason });
    case 'unknown-instrument':
      return t('table.problem.unknown-instrument', { instrument: problem.instrument });
    case 'incomplete':
      return t('table.problem.incomplete', { missing: f.list(problem.missing.map(item)) });
    case 'out-of-range':
      return t('table.problem.out-of-range', {
        item: item(problem.linkId),
        value: f.number(problem.value),
        min: f.number(problem.min),
        max: f.number(problem.max),
      });
    case 'not-integer':
      return t('table.problem.not-integer', { item: item(problem.linkId), value: f.number(problem.value) });
    case 'unknown-item':
      return t('table.problem.unknown-item', { linkId: problem.linkId });
    case 'wrong-age-band':
      return t('table.problem.wrong-age-band', {
        instrument: problem.instrument.toUpperCase(),
        ageBand: t(`banner.ageBand.${problem.ageBand}`),
      });
    case 'not-scored-status':
      return t(`table.problem.notScoredStatus.${hasWords(problem.status) ? problem.status : 'other'}`);
  }
}

export function rowNoteText(note: RowNote, t: TFunction<'dashboard'>, f: Formatters, language: string): string {
  switch (note.kind) {
    case 'problem':
      return problemText(note.problem, t, f, language);
    case 'age-band':
      return t('table.note.ageBand', {
        instrument: note.instrument.toUpperCase(),
        ageBand: t(`banner.ageBand.${note.ageBand}`),
      });
    case 'superseded':
    case 'unsaved':
    case 'refused':
      return t(`table.note.${note.kind}`);
    case 'unreadable':
      return t(`unreadable.why.${note.reason}`);
  }
}

/** The note after a row's status: " — why". */
export function RowNoteView({ note }: { readonly note: RowNote }) {
  const { t, i18n } = useTranslation('dashboard');
  const f = useFormat();
  return <span className="muted"> — {rowNoteText(note, t, f, i18n.language)}</span>;
}
