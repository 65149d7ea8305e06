import { useCallback, useState } from 'react';
import type { Instrument } from '../../core/instruments';
import { discardDraft, findDraft, storeDraft, type Draft } from './draft-store';

export interface FormDraft {
  readonly draftId: string;
  readonly answers: Readonly<Record<string, number>>;
  /** True when a stored draft could not be read (and was removed), so the form can say so. */
  readonly unreadable: boolean;
  setAnswer(linkId: string, value: number): void;
  discard(): void;
}

function knownAnswers(instrument: Instrument, answers: Readonly<Record<string, number>>): Record<string, number> {
  const linkIds = new Set(instrument.items.map((item) => item.linkId));
  return Object.fromEntries(Object.entries(answers).filter(([linkId]) => linkIds.has(linkId)));
}

/** A response kept in progress, opened again: its id (so finishing it replaces it) and its answers so far. */
export interface ResumedResponse {
  readonly id: string;
  readonly answers: Readonly<Record<string, number>>;
}

function initialDraft(
  storage: Storage,
  patientKey: string,
  instrument: Instrument,
  newDraftId: () => string,
  resume?: ResumedResponse,
) {
  if (resume) {
    const draft = { draftId: resume.id, answers: knownAnswers(instrument, resume.answers) };
    // A draft of another form of this instrument would be restored in its place next time: this one wins.
    const other = findDraft(storage, patientKey, instrument.id);
    if (other.kind === 'found') discardDraft(storage, patientKey, instrument.id, other.draft.draftId);
    storeDraft(storage, patientKey, instrument.id, draft);
    return { draft, unreadable: false };
  }
  const lookup = findDraft(storage, patientKey, instrument.id);
  if (lookup.kind === 'found') {
    return { draft: { ...lookup.draft, answers: knownAnswers(instrument, lookup.draft.answers) }, unreadable: false };
  }
  return { draft: { draftId: newDraftId(), answers: {} }, unreadable: lookup.kind === 'unreadable' };
}

/** The answers of one form, mirrored to storage on every change and restored on mount. */
export function useFormDraft(
  storage: Storage,
  patientKey: string,
  instrument: Instrument,
  newDraftId: () => string,
  resume?: ResumedResponse,
): FormDraft {
  const [initial] = useState(() => initialDraft(storage, patientKey, instrument, newDraftId, resume));
  const [draft, setDraft] = useState<Draft>(initial.draft);

  const setAnswer = useCallback(
    (linkId: string, value: number) => {
      setDraft((previous) => {
        const next = { ...previous, answers: { ...previous.answers, [linkId]: value } };
        storeDraft(storage, patientKey, instrument.id, next);
        return next;
      });
    },
    [storage, patientKey, instrument.id],
  );

  const discard = useCallback(
    () => discardDraft(storage, patientKey, instrument.id, draft.draftId),
    [storage, patientKey, instrument.id, draft.draftId],
  );

  return { draftId: draft.draftId, answers: draft.answers, unreadable: initial.unreadable, setAnswer, discard };
}
