import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuptureKind, RuptureNote } from '../../core/model';

export interface RuptureNoteFormProps {
  /** The session's date-time (FHIR dateTime), read when the note is saved. */
  readonly now: () => string;
  readonly newId?: () => string;
  readonly busy: boolean;
  readonly onSave: (note: RuptureNote) => void;
}

const kinds: readonly RuptureKind[] = ['withdrawal', 'confrontation'];

// After a session the clinician records what kind of rupture there was and whether it was talked about with the
// client (issue 12): saved as an Observation, then shown beside the rupture episodes in the alliance card.
export function RuptureNoteForm({ now, newId = () => crypto.randomUUID(), busy, onSave }: RuptureNoteFormProps) {
  const { t } = useTranslation('administer');
  const name = useId();
  const [kind, setKind] = useState<RuptureKind>();
  const [addressed, setAddressed] = useState(false);
  const save = () => {
    if (!kind) return;
    onSave({ id: newId(), date: now(), kind, addressed });
    setKind(undefined);
    setAddressed(false);
  };
  return (
    <fieldset className="tf-rupture-note">
      <legend>{t('ruptureNote.legend')}</legend>
      {kinds.map((k) => (
        <label key={k} className="tf-rupture-note__choice">
          <input type="radio" name={name} value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
          {t(`ruptureNote.kind.${k}`)}
        </label>
      ))}
      <label className="tf-rupture-note__choice">
        <input type="checkbox" checked={addressed} onChange={(e) => setAddressed(e.target.checked)} />{' '}
        {t('ruptureNote.addressed')}
      </label>
      <button type="button" className="tf-button" disabled={busy || !kind} onClick={save}>
        {t('ruptureNote.save')}
      </button>
    </fieldset>
  );
}
