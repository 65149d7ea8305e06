import { formattersFor } from '../format';

// Pure arithmetic of the 10 cm rating line: answers are whole millimetres 0–100, shown as points (mm / 10).
// Kept apart from the component so the keyboard and pointer rules are testable without a DOM.

export const MIN_MM = 0;
export const MAX_MM = 100;
/** Where an untouched line starts when the first key is pressed: the middle, so neither end is suggested. */
export const KEYBOARD_START_MM = 50;

export function clampMm(mm: number): number {
  return Math.min(MAX_MM, Math.max(MIN_MM, Math.round(mm)));
}

/** The millimetre under a pointer at `clientX` on a line drawn from `left` over `width` pixels. */
export function mmFromPosition(clientX: number, left: number, width: number): number {
  if (width <= 0) return MIN_MM;
  return clampMm(((clientX - left) / width) * MAX_MM);
}

export function pointsFromMm(mm: number): number {
  return mm / 10;
}

/** Points with exactly one decimal in the reader's language ("6.3", "6,3"): a score, as the dashboard writes it. */
export function formatPoints(mm: number, language: string): string {
  return formattersFor(language).score(pointsFromMm(mm));
}

const steps: Readonly<Record<string, number>> = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageUp: 10,
  PageDown: -10,
};

/**
 * The value after a key press, or undefined when the key is not the slider's. On an untouched line a step
 * key does not move but places the mark at the start value, so the first press makes the mark visible
 * instead of silently answering 4.9 or 5.1.
 */
export function mmAfterKey(key: string, current: number | undefined): number | undefined {
  if (key === 'Home') return MIN_MM;
  if (key === 'End') return MAX_MM;
  const step = steps[key];
  if (step === undefined) return undefined;
  if (current === undefined) return KEYBOARD_START_MM;
  return clampMm(current + step);
}
