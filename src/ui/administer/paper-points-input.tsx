import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from './rating-scale';

export interface PaperPointsInputProps {
  readonly label: string;
  readonly valueMm: number | undefined;
  readonly onChange: (mm: number) => void;
}

/** Points 0.0–10.0 with at most one decimal, "," or "." as the separator; whole mm, or undefined if not valid. */
export function parsePaperPoints(text: string): number | undefined {
  const match = /^\s*(\d{1,2})(?:[.,](\d)?)?\s*$/.exec(text);
  if (!match) return undefined;
  const mm = Number(match[1]) * 10 + Number(match[2] ?? '0');
  return mm <= 100 ? mm : undefined;
}

/** A typed alternative to the line for scores measured on a paper form with a ruler. */
export function PaperPointsInput({ label, valueMm, onChange }: PaperPointsInputProps) {
  const { t, i18n } = useTranslation('administer');
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  // What was typed stays as typed; a value set on the line since then is shown instead.
  const shown =
    invalid || parsePaperPoints(text) === valueMm
      ? text
      : valueMm === undefined
        ? ''
        : formatPoints(valueMm, i18n.language);

  function commit(next: string) {
    setText(next);
    const mm = parsePaperPoints(next);
    setInvalid(next.trim() !== '' && mm === undefined);
    if (mm !== undefined) onChange(mm);
  }

  return (
    <div className="tf-paper">
      <label htmlFor={id}>{t('paperPointsLabel', { label })}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={shown}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => commit(event.target.value)}
      />
      {invalid && (
        <span id={`${id}-error`} className="tf-paper__error">
          {t('paperPointsInvalid')}
        </span>
      )}
    </div>
  );
}
