import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientWords } from './register';
import type { Instrument, Language } from '../../core/instruments';
import { answerText, itemTitle } from './answer-text';

export interface ReviewStepProps {
  readonly instrument: Instrument;
  readonly language: Language;
  readonly answers: Readonly<Record<string, number>>;
  /** The review's heading sits one level under the form's title. */
  readonly headingLevel: 2 | 4;
  /** Back to the form with the given item focused (or the first one). */
  readonly onEdit: (linkId?: string) => void;
  readonly onSaveComplete: () => void;
  readonly onKeepInProgress: () => void;
}

/** Every answer once more before saving; unanswered items are listed and lead straight back to the item. */
export function ReviewStep({
  instrument,
  language,
  answers,
  headingLevel,
  onEdit,
  onSaveComplete,
  onKeepInProgress,
}: ReviewStepProps) {
  const { t } = useTranslation('administer');
  const words = useClientWords();
  const id = useId();
  const missing = instrument.items.filter((item) => answers[item.linkId] === undefined);
  const complete = missing.length === 0;
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const Subheading = headingLevel === 2 ? 'h3' : 'h5';

  return (
    <section className="tf-review" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} className="tf-review__heading" tabIndex={-1}>
        {words('reviewHeading')}
      </Heading>
      <dl className="tf-review__answers">
        {instrument.items.map((item) => {
          const value = answers[item.linkId];
          return (
            <div key={item.linkId} className="tf-review__row">
              <dt>{itemTitle(item, language)}</dt>
              <dd>{value === undefined ? t('notAnswered') : answerText(instrument, item, value, language)}</dd>
            </div>
          );
        })}
      </dl>
      {!complete && (
        <div className="tf-review__missing" role="status">
          <Subheading>{t('unansweredHeading', { count: missing.length })}</Subheading>
          <ul>
            {missing.map((item) => (
              <li key={item.linkId}>
                <button type="button" className="tf-link-button" onClick={() => onEdit(item.linkId)}>
                  {t('answerItem', { item: itemTitle(item, language) })}
                </button>
              </li>
            ))}
          </ul>
          <p id={`${id}-incomplete`}>{words('completeNeedsAll')}</p>
        </div>
      )}
      <div className="tf-actions">
        <button type="button" className="tf-button" onClick={() => onEdit()}>
          {t('backToForm')}
        </button>
        <button type="button" className="tf-button" onClick={onKeepInProgress}>
          {t('keepInProgress')}
        </button>
        <button
          type="button"
          className="tf-button tf-button--primary"
          disabled={!complete}
          aria-describedby={complete ? undefined : `${id}-incomplete`}
          onClick={onSaveComplete}
        >
          {t('saveComplete')}
        </button>
      </div>
    </section>
  );
}
