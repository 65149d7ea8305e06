import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdministrationStatus, Administration } from '../../core/model';
import type { Instrument } from '../../core/instruments';
import { FormItem } from './form-item';
import { instrumentLanguage } from './language';
import { ReviewStep } from './review-step';
import { useFormDraft, type ResumedResponse } from './use-form-draft';

/** How a form leaves the app: complete, or kept as in-progress (never scored). */
export type SubmitStatus = Extract<AdministrationStatus, 'completed' | 'in-progress'>;

export interface AdministerFormProps {
  readonly instrument: Instrument;
  /** The patient's id, used only to key the draft in storage. */
  readonly patientKey: string;
  /** The submit moment as a FHIR dateTime with offset; the form never reads the clock itself. */
  readonly now: () => string;
  readonly onSubmit: (administration: Administration, status: SubmitStatus) => void;
  /** `client`: large text, for the client on a tablet; `paper`: a clinician typing in a paper form's scores. */
  readonly presentation: 'client' | 'paper';
  /** Where drafts live; sessionStorage in the app. */
  readonly storage?: Storage;
  /** A fresh draft id, which also becomes the administration's id (so a resend is recognised). */
  readonly newDraftId?: () => string;
  /** A response kept in progress, opened again with its answers; finishing it keeps its id. */
  readonly resume?: ResumedResponse;
}

type Focus = { readonly kind: 'review' } | { readonly kind: 'item'; readonly linkId: string } | undefined;

/** One instrument from instructions to review; produces a core Administration with answers in mm. */
export function AdministerForm(props: AdministerFormProps) {
  const {
    instrument,
    patientKey,
    now,
    onSubmit,
    presentation,
    storage = sessionStorage,
    newDraftId = () => crypto.randomUUID(),
  } = props;
  const { t, i18n } = useTranslation('administer');
  const language = instrumentLanguage(i18n.language);
  const formId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const draft = useFormDraft(storage, patientKey, instrument, newDraftId, props.resume);
  const [step, setStep] = useState<'answer' | 'review'>('answer');
  const [focus, setFocus] = useState<Focus>();
  // Alone on the screen in client mode; inside the clinician view's "administer" section otherwise.
  const Title = presentation === 'client' ? 'h1' : 'h3';
  const answered = instrument.items.filter((item) => draft.answers[item.linkId] !== undefined).length;

  useEffect(() => {
    if (!focus || !rootRef.current) return;
    const target =
      focus.kind === 'review'
        ? rootRef.current.querySelector<HTMLElement>('.tf-review__heading')
        : document.getElementById(`${formId}-${focus.linkId}`)?.querySelector<HTMLElement>('[role="slider"], input');
    target?.focus();
  }, [focus, formId]);

  function submit(status: SubmitStatus) {
    const administration: Administration = {
      id: draft.draftId,
      instrument: instrument.id,
      authored: now(),
      status,
      answers: draft.answers,
    };
    onSubmit(administration, status);
    draft.discard();
  }

  function edit(linkId?: string) {
    setStep('answer');
    setFocus({ kind: 'item', linkId: linkId ?? instrument.items[0]?.linkId ?? '' });
  }

  return (
    <div ref={rootRef} className={`tf-administer tf-administer--${presentation}`} lang={language}>
      <Title className="tf-administer__title">{instrument.title[language]}</Title>
      {draft.unreadable && (
        <p className="tf-notice" role="alert">
          {t('draftUnreadable')}
        </p>
      )}
      {step === 'answer' ? (
        <>
          <p className="tf-administer__instructions">{instrument.instructions[language]}</p>
          <div className="tf-administer__items">
            {instrument.items.map((item) => (
              <div key={item.linkId} id={`${formId}-${item.linkId}`} className="tf-administer__item">
                <FormItem
                  instrument={instrument}
                  item={item}
                  language={language}
                  value={draft.answers[item.linkId]}
                  onChange={(value) => draft.setAnswer(item.linkId, value)}
                  paperEntry={presentation === 'paper'}
                />
              </div>
            ))}
          </div>
          <FormProgress answered={answered} total={instrument.items.length} />
          <div className="tf-actions">
            <button
              type="button"
              className="tf-button tf-button--primary"
              onClick={() => {
                setStep('review');
                setFocus({ kind: 'review' });
              }}
            >
              {t('toReview')}
            </button>
          </div>
        </>
      ) : (
        <ReviewStep
          instrument={instrument}
          language={language}
          headingLevel={presentation === 'client' ? 2 : 4}
          answers={draft.answers}
          onEdit={edit}
          onSaveComplete={() => submit('completed')}
          onKeepInProgress={() => submit('in-progress')}
        />
      )}
      <p className="tf-administer__copyright">{instrument.copyright[language]}</p>
    </div>
  );
}

function FormProgress({ answered, total }: { readonly answered: number; readonly total: number }) {
  const { t } = useTranslation('administer');
  return (
    <div className="tf-progress">
      <span className="tf-progress__bar" aria-hidden="true">
        <span style={{ width: `${(answered / total) * 100}%` }} />
      </span>
      <span>{t('progress', { answered, total })}</span>
    </div>
  );
}
