import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScoringProblem } from '../../core/model';
import { useFormat, type Formatters } from '../format';
import type { RowNote } from './view-model';

// Why a response has no score or is not saved, in the active language. The core's describeProblem stays
// the English wording for logs and the CLI; here each problem kind has its own message with its figures.

function problemText(problem: ScoringProblem, t: TFunction<'dashboard'>, f: Formatters): string {
  switch (problem.kind) {
    case 'malformed':
      return t('table.problem.malformed', { reason: problem.reason });
    case 'unknown-instrument':
      return t('table.problem.unknown-instrument', { instrument: problem.instrument });
    case 'incomplete':
      return t('table.problem.incomplete', { missing: f.list(problem.missing) });
    case 'out-of-range':
      return t('table.problem.out-of-range', {
        linkId: problem.linkId,
        value: f.number(problem.value),
        min: f.number(problem.min),
        max: f.number(problem.max),
      });
    case 'not-integer':
      return t('table.problem.not-integer', { linkId: problem.linkId, value: f.number(problem.value) });
    case 'unknown-item':
      return t('table.problem.unknown-item', { linkId: problem.linkId });
    case 'wrong-age-band':
      return t('table.problem.wrong-age-band', {
        instrument: problem.instrument.toUpperCase(),
        ageBand: t(`banner.ageBand.${problem.ageBand}`),
      });
    case 'not-scored-status':
      // Kept as in progress is something the clinician did; it is said in their words, not the record's code.
      return problem.status === 'in-progress'
        ? t('table.problem.not-scored-in-progress')
        : t('table.problem.not-scored-status', { status: problem.status });
  }
}

export function rowNoteText(note: RowNote, t: TFunction<'dashboard'>, f: Formatters): string {
  switch (note.kind) {
    case 'problem':
      return problemText(note.problem, t, f);
    case 'age-band':
      return t('table.note.ageBand', {
        instrument: note.instrument.toUpperCase(),
        ageBand: t(`banner.ageBand.${note.ageBand}`),
      });
    case 'superseded':
    case 'unsaved':
    case 'refused':
      return t(`table.note.${note.kind}`);
    case 'text':
      return note.text;
  }
}

/** The note after a row's status: " — why". */
export function RowNoteView({ note }: { readonly note: RowNote }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return <span className="muted"> — {rowNoteText(note, t, f)}</span>;
}
