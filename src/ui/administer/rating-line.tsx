import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientWords } from './register';
import { EndFace } from './end-face';
import { formatPoints, MAX_MM, mmAfterKey, mmFromPosition, pointsFromMm } from './rating-scale';

export interface RatingLineProps {
  /** The item heading, e.g. "Individually"; it names the slider. */
  readonly label: string;
  /** ORS/CORS: the explanation under the heading. */
  readonly gloss?: string;
  /** SRS/CSRS: the words under the left (low) and right (high) ends. */
  readonly lowerAnchor?: string;
  readonly upperAnchor?: string;
  /** Child versions draw a frowny face at the low end and a smiley at the high end. */
  readonly faces?: boolean;
  /** Whole millimetres 0–100; undefined until the client touches the line. */
  readonly valueMm: number | undefined;
  readonly onChange: (mm: number) => void;
}

/**
 * A 10 cm visual analogue line. It shows no mark and no number until touched, so nothing nudges the
 * client towards a value; then it shows the mark and the value in points.
 */
export function RatingLine({
  label,
  gloss,
  lowerAnchor,
  upperAnchor,
  faces = false,
  valueMm,
  onChange,
}: RatingLineProps) {
  const { t, i18n } = useTranslation('administer');
  const words = useClientWords();
  const id = useId();
  const trackRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const language = i18n.language;
  const touched = valueMm !== undefined;
  const points = touched ? formatPoints(valueMm, language) : undefined;
  const describedBy = [gloss && `${id}-gloss`, lowerAnchor && `${id}-low`, upperAnchor && `${id}-high`]
    .filter(Boolean)
    .join(' ');

  function setFromPointer(event: PointerEvent<HTMLDivElement>) {
    const rect = (trackRef.current ?? event.currentTarget).getBoundingClientRect();
    onChange(mmFromPosition(event.clientX, rect.left, rect.width));
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setFromPointer(event);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) setFromPointer(event);
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = mmAfterKey(event.key, valueMm);
    if (next === undefined) return;
    event.preventDefault();
    if (!touched) setAnnouncement(words('ratingStarted', { points: formatPoints(next, language) }));
    onChange(next);
  }

  return (
    <div className="tf-rating">
      <div className="tf-rating__heading">
        <span id={`${id}-label`} className="tf-rating__label">
          {label}
        </span>
        {gloss && (
          <span id={`${id}-gloss`} className="tf-rating__gloss">
            {gloss}
          </span>
        )}
      </div>
      <div className="tf-rating__row">
        {faces && <EndFace mood="sad" />}
        <div
          ref={trackRef}
          className="tf-rating__track"
          role="slider"
          tabIndex={0}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy || undefined}
          aria-valuemin={0}
          aria-valuemax={10}
          aria-valuenow={touched ? pointsFromMm(valueMm) : undefined}
          aria-valuetext={points === undefined ? t('notRatedYet') : t('ratingValueText', { points })}
          data-touched={touched}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onKeyDown={onKeyDown}
        >
          <span className="tf-rating__line" aria-hidden="true" />
          {touched && (
            <span className="tf-rating__mark" style={{ left: `${(valueMm / MAX_MM) * 100}%` }} aria-hidden="true">
              <span className="tf-rating__value">{points}</span>
            </span>
          )}
        </div>
        {faces && <EndFace mood="happy" />}
      </div>
      {(lowerAnchor || upperAnchor) && (
        <div className="tf-rating__anchors">
          <span id={`${id}-low`}>{lowerAnchor}</span>
          <span id={`${id}-high`}>{upperAnchor}</span>
        </div>
      )}
      <span className="tf-visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
