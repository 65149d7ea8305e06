import { useTranslation } from 'react-i18next';
import { usePrinting } from './use-printing';

/** Paper only: when it was printed and by whom (a line to sign when the EHR gave no name). */
export function PrintHeader({
  clinicianName,
  now = () => new Date(),
}: {
  readonly clinicianName: string | undefined;
  readonly now?: () => Date;
}) {
  const { t, i18n } = useTranslation('dashboard');
  // Re-rendered at `beforeprint`, so the date is the printing's, not the page load's.
  usePrinting();
  const printed = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(now());
  return (
    <p className="print-header print-only" hidden>
      <span>{t('print.printed', { date: printed })}</span>
      <span>{clinicianName ? t('print.clinician', { name: clinicianName }) : t('print.clinicianBlank')}</span>
    </p>
  );
}
