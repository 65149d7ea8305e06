import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueInstruments, Offer } from '../../core/due';
import { instruments, type InstrumentId } from '../../core/instruments';
import { instrumentLanguage } from './language';
import { ReplaceConfirm } from './replace-confirm';

export type StartMode = 'client' | 'paper';

export interface SessionPanelProps {
  readonly due: DueInstruments;
  readonly onStart: (instrument: InstrumentId, mode: StartMode) => void;
}

type Moment = 'sessionStart' | 'sessionEnd' | 'inventory';
const moments: readonly Moment[] = ['sessionStart', 'sessionEnd', 'inventory'];

function offerStatus(offer: Offer & { readonly dueAtSession?: number }, t: TFunction<'administer'>): string {
  if (offer.offer) return t('offer.due');
  if (offer.reason === 'not-due-yet') return t('offer.not-due-yet', { session: offer.dueAtSession });
  return t(`offer.${offer.reason}`);
}

/** What to give in this session: the outcome measure at the start, the alliance measure at the end, the WAI-SR when due. */
export function SessionPanel({ due, onStart }: SessionPanelProps) {
  const { t, i18n } = useTranslation('administer');
  const language = instrumentLanguage(i18n.language);
  const [confirming, setConfirming] = useState<{ readonly id: InstrumentId; readonly mode: StartMode }>();
  if (due.ageBand === 'young-child') return <p className="tf-notice">{t('under6')}</p>;
  return (
    <div className="tf-session">
      <p>{t('sessionNumber', { number: due.visitNumber })}</p>
      {due.ageBandAssumed && <p className="tf-notice">{t('ageBandAssumed')}</p>}
      <ul className="tf-session__offers">
        {moments.map((moment) => {
          const offer = due[moment];
          const id = offer.instrument;
          if (!id) return null;
          const title = instruments[id].title[language];
          const start = (mode: StartMode) =>
            offer.offer || offer.reason !== 'done-today' ? onStart(id, mode) : setConfirming({ id, mode });
          return (
            <li key={moment} className={`tf-session__offer${offer.offer ? ' tf-session__offer--due' : ''}`}>
              <span className="tf-session__moment">{t(`moment.${moment}`)}</span>
              <span className="tf-session__title">{title}</span>
              <span className="tf-session__status">{offerStatus(offer, t)}</span>
              <span className="tf-session__actions">
                <button
                  type="button"
                  className={offer.offer ? 'tf-button tf-button--primary' : 'tf-button'}
                  onClick={() => start('client')}
                >
                  {t('handToClient', { name: instruments[id].shortName })}
                </button>
                <button type="button" className="tf-button" onClick={() => start('paper')}>
                  {t('enterPaper', { name: instruments[id].shortName })}
                </button>
              </span>
              {confirming?.id === id && (
                <ReplaceConfirm
                  name={instruments[id].shortName}
                  onCancel={() => setConfirming(undefined)}
                  onConfirm={() => {
                    setConfirming(undefined);
                    onStart(id, confirming.mode);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
