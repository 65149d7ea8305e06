import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asked before a measure already given today is given again: the later response counts instead (the earlier
 * stays in the record, marked as not counted), which silently replaced the first answer before.
 */
export function ReplaceConfirm({
  name,
  onConfirm,
  onCancel,
}: {
  readonly name: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation('administer');
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby="tf-replace-question" className="tf-notice tf-replace">
      <p id="tf-replace-question">{t('replace.question', { name })}</p>
      <button ref={keepRef} type="button" className="tf-button tf-button--primary" onClick={onCancel}>
        {t('replace.keep')}
      </button>{' '}
      <button type="button" className="tf-button" onClick={onConfirm}>
        {t('replace.confirm', { name })}
      </button>
    </div>
  );
}
