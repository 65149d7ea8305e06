import { useTranslation } from 'react-i18next';
import type { Failure } from '../failure';

/** One screen per failure: what happened, the specifics, and what to do. */
export function FailureScreen({ failure, onRetry }: { readonly failure: Failure; readonly onRetry: () => void }) {
  const { t } = useTranslation('common');
  const key = `failure.${failure.kind}` as const;
  const params = failure.params ?? {};
  return (
    <section className="failure" role="alert" aria-labelledby="failure-title">
      <h1 id="failure-title">{t(`${key}.title`, params)}</h1>
      <p>{t(`${key}.body`, params)}</p>
      {failure.details && failure.details.length > 0 && (
        <ul className="failure-details">
          {failure.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      <h2>{t('whatToDo')}</h2>
      <p>{t(`${key}.action`, params)}</p>
      {failure.retry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </section>
  );
}
