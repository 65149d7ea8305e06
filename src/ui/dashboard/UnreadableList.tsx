import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { UnreadableView } from './view-model';

// Records that could not be read: listed, never dropped silently, in the clinician's words: what kind of record,
// when, why and what that means for what is shown. FHIR types, ids and the technical reason are kept for
// support staff in a collapsed element below the table.

/** The reason's effect on the view: a second copy loses nothing; otherwise it depends on the kind of record. */
const meaningOf = (item: UnreadableView): string => (item.reason === 'duplicate' ? 'duplicate' : item.record);

export function UnreadableList({ items }: { readonly items: readonly UnreadableView[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (items.length === 0) return null;
  const date = (item: UnreadableView) => (item.date ? f.date(item.date) : t('unreadable.unknown'));
  return (
    <section className="unreadable" aria-labelledby="unreadable-heading">
      <h2 id="unreadable-heading">
        {t('unreadable.heading')} ({items.length})
      </h2>
      <p>{t('unreadable.intro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('unreadable.date')}</th>
            <th scope="col">{t('unreadable.record')}</th>
            <th scope="col">{t('unreadable.reason')}</th>
            <th scope="col">{t('unreadable.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={index}>
              <td>{date(item)}</td>
              <td>
                {t(`unreadable.what.${item.record}`)}
                {item.instrument ? ` (${item.instrument})` : ''}
              </td>
              <td>{t(`unreadable.why.${item.reason}`)}</td>
              <td>{t(`unreadable.means.${meaningOf(item)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('unreadable.support')}</summary>
        <ol>
          {items.map((item, index) => (
            <li key={index}>
              {date(item)} · {item.support.reference}: {item.support.detail}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
