import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '../../format';
import { itemLabel } from '../item-labels';
import type { ItemScore, ScorePoint } from '../view-model';

/** A point's text with "(not saved)" when it is only kept in this tab. */
export function withUnsaved(
  text: string,
  point: { readonly unsaved?: boolean | undefined },
  t: TFunction<'dashboard'>,
): string {
  return point.unsaved ? `${text} (${t('table.unsavedPoint')})` : text;
}

/** A per-session point as its marker reads it (label and tooltip): session, date, score, and whether it is saved. */
export function scorePointText(point: ScorePoint, t: TFunction<'dashboard'>, f: Formatters): string {
  return withUnsaved(
    t('chart.point', { session: point.session, date: f.date(point.date), score: f.score(point.total) }),
    point,
    t,
  );
}

/** "Relationship 9.0 · Approach or Method 7.0 …": each item named as on the form, with its answer in points. */
export function itemsText(items: readonly ItemScore[] | undefined, language: string, f: Formatters): string {
  return (items ?? []).map((i) => `${itemLabel(i.code, language)} ${f.score(i.value)}`).join(' · ');
}

/** A marker's label: the point's text, what was expected (outcome), then its items. */
export function markerLabel(
  text: string,
  items: readonly ItemScore[] | undefined,
  language: string,
  f: Formatters,
): string {
  const detail = itemsText(items, language, f);
  return detail ? `${text} — ${detail}` : text;
}

/** The text alternative of a per-session chart: every plotted value, exactly. */
export function ScoreTable(props: {
  readonly points: readonly ScorePoint[];
  readonly instrument: string;
  readonly expected?: ReadonlyMap<number, number>;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const hasExpected = props.expected !== undefined && props.expected.size > 0;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('chart.session')}</th>
          <th scope="col">{t('table.date')}</th>
          <th scope="col">{props.instrument}</th>
          {hasExpected && <th scope="col">{t('chart.legend.expected')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.points.map((p) => {
          const expected = props.expected?.get(p.session);
          return (
            <tr key={p.administrationId}>
              <th scope="row">{p.session}</th>
              <td>{f.date(p.date)}</td>
              <td>{withUnsaved(f.score(p.total), p, t)}</td>
              {hasExpected && <td>{expected === undefined ? '—' : f.score(expected)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
