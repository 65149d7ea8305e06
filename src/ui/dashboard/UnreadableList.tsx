import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { UnreadableView } from './view-model';

/** Resources that did not parse: listed with the reason, never dropped silently. */
export function UnreadableList({ items }: { readonly items: readonly UnreadableView[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (items.length === 0) return null;
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
            <th scope="col">{t('unreadable.instrument')}</th>
            <th scope="col">{t('unreadable.type')}</th>
            <th scope="col">{t('unreadable.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={`${item.resourceType}/${item.id ?? index}`}>
              <td>{item.date ? f.date(item.date) : t('unreadable.unknown')}</td>
              <td>{item.instrument ?? t('unreadable.unknown')}</td>
              <td>
                {item.resourceType}
                {item.id ? `/${item.id}` : ''}
              </td>
              <td>{item.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
