import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from './view-model';

/**
 * How a row of the session table asks the administer panel to open a response kept in progress with its
 * answers. Absent where nothing can be administered: the row then offers nothing.
 */
export const ContinueResponseContext = createContext<((responseId: string) => void) | undefined>(undefined);

/** "Continue" on a row of ours kept in progress. */
export function ContinueButton({ row }: { readonly row: SessionRow }) {
  const { t } = useTranslation('dashboard');
  const onContinue = useContext(ContinueResponseContext);
  if (!onContinue || !row.resumable) return null;
  return (
    <button type="button" className="row-continue" onClick={() => onContinue(row.id)}>
      {t('table.continue', { name: row.instrument?.toUpperCase() ?? '' })}
    </button>
  );
}
