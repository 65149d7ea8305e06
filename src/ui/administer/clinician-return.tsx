import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientWords } from './register';

export interface ClinicianReturnProps {
  readonly onReturn: () => void;
  /** Wording of the "stay" choice: back to the form, or stay on the thank-you screen. */
  readonly stayLabel: string;
}

/**
 * The way back to the clinician view from client mode: a quiet button, then a question with the safe
 * choice first and largest. Two deliberate taps rather than press-and-hold, because holding is hard for
 * some hands, for switch users and for screen-reader gestures, while a question stops accidental taps.
 */
export function ClinicianReturn({ onReturn, stayLabel }: ClinicianReturnProps) {
  const { t } = useTranslation('administer');
  const words = useClientWords();
  const [asking, setAsking] = useState(false);
  const stayRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) stayRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={openRef} type="button" className="tf-clinician-return" onClick={() => setAsking(true)}>
        {words('clinicianOnly')}
      </button>
    );
  }
  return (
    <div className="tf-clinician-confirm" role="group" aria-labelledby="tf-clinician-question">
      <p id="tf-clinician-question">{words('clinicianQuestion')}</p>
      <button ref={stayRef} type="button" className="tf-button tf-button--primary" onClick={() => setAsking(false)}>
        {stayLabel}
      </button>
      <button type="button" className="tf-button" onClick={onReturn}>
        {t('clinicianConfirm')}
      </button>
    </div>
  );
}
