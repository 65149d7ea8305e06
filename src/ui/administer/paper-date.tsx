import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// A paper form is dated the day it was filled in, which may be before today (entered after the session).
// Not in the future, and not before the current episode began: an answer dated there would belong to
// another episode and renumber its sessions.

export interface PaperDateProps {
  readonly value: string;
  readonly today: string;
  /** The current episode's first day, when there is one. */
  readonly earliest: string | undefined;
  readonly onChange: (date: string) => void;
}

/** Whether a date may be given to a paper entry. */
export function isPaperDateAllowed(date: string, today: string, earliest: string | undefined): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= today && (earliest === undefined || date >= earliest);
}

/** The dateTime of a paper entry: the chosen day at the time of entry (with its offset), so the day is what the form says. */
export function datedOn(date: string, enteredAt: string): string {
  return `${date}${enteredAt.slice(10)}`;
}

export function PaperDate({ value, today, earliest, onChange }: PaperDateProps) {
  const { t } = useTranslation('administer');
  const id = useId();
  const allowed = isPaperDateAllowed(value, today, earliest);
  return (
    <p className="tf-paper-date">
      <label htmlFor={id}>{t('paperDate.label')}</label>{' '}
      <input
        id={id}
        type="date"
        value={value}
        max={today}
        {...(earliest ? { min: earliest } : {})}
        aria-invalid={!allowed}
        aria-describedby={allowed ? undefined : `${id}-error`}
        onChange={(event) => onChange(event.target.value)}
      />
      {!allowed && (
        <span id={`${id}-error`} className="tf-error" role="alert">
          {' '}
          {t('paperDate.invalid')}
        </span>
      )}
    </p>
  );
}
