import { useTranslation } from 'react-i18next';

// Numbers and dates in the active language, through Intl. Dates from the record are calendar dates
// (YYYY-MM-DD as the responder wrote them), so they are formatted in UTC to never shift a day.

export interface Formatters {
  readonly score: (points: number) => string;
  readonly mean: (value: number) => string;
  readonly change: (points: number) => string;
  readonly date: (calendarDate: string | undefined) => string;
  /** A plain number as written in the active language (answers as stored, thresholds). */
  readonly number: (value: number) => string;
  /** "a, b and c" in the active language. */
  readonly list: (items: readonly string[]) => string;
}

const cache = new Map<string, Formatters>();

export function formattersFor(language: string): Formatters {
  const cached = cache.get(language);
  if (cached) return cached;
  const oneDecimal = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const lists = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  const formatters: Formatters = {
    score: (points) => oneDecimal.format(points),
    mean: (value) => twoDecimals.format(value),
    change: (points) => signed.format(points),
    date: (calendarDate) => {
      if (!calendarDate) return '—';
      const instant = Date.parse(`${calendarDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(instant) ? calendarDate : dates.format(instant);
    },
    number: (value) => plain.format(value),
    list: (items) => lists.format(items),
  };
  cache.set(language, formatters);
  return formatters;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}
