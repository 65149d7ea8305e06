import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { RatingLine } from '../../src/ui/administer/rating-line';
import { withI18n } from './administer-i18n.test-support';

function ControlledLine(props: {
  readonly initial?: number;
  readonly onValue?: (mm: number) => void;
  readonly lowerAnchor?: string;
  readonly upperAnchor?: string;
}) {
  const [mm, setMm] = useState<number | undefined>(props.initial);
  return (
    <RatingLine
      label="Individually"
      gloss="Personal well-being"
      lowerAnchor={props.lowerAnchor}
      upperAnchor={props.upperAnchor}
      valueMm={mm}
      onChange={(next) => {
        setMm(next);
        props.onValue?.(next);
      }}
    />
  );
}

async function renderLine(props: Parameters<typeof ControlledLine>[0] = {}, language: 'en' | 'es' = 'en') {
  render(await withI18n(<ControlledLine {...props} />, language));
  return screen.getByRole('slider', { name: 'Individually' });
}

describe('RatingLine', () => {
  it('shows no mark and no number until touched, and says "not rated yet"', async () => {
    const slider = await renderLine();
    expect(slider.getAttribute('aria-valuetext')).toBe('not rated yet');
    expect(slider.hasAttribute('aria-valuenow')).toBe(false);
    expect(slider.textContent).toBe('');
    expect(slider.querySelector('.tf-rating__mark')).toBeNull();
  });

  it('carries the slider ARIA contract in points, labelled by the item and described by the gloss', async () => {
    const slider = await renderLine({ initial: 63 });
    expect(slider.getAttribute('aria-valuemin')).toBe('0');
    expect(slider.getAttribute('aria-valuemax')).toBe('10');
    expect(slider.getAttribute('aria-valuenow')).toBe('6.3');
    expect(slider.getAttribute('aria-valuetext')).toBe('6.3 out of 10');
    expect(slider.textContent).toBe('6.3');
    const described = (slider.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Personal well-being']);
  });

  it('is described by both anchors when the item has them', async () => {
    const slider = await renderLine({ lowerAnchor: 'I did not feel heard.', upperAnchor: 'I felt heard.' });
    const described = (slider.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Personal well-being', 'I did not feel heard.', 'I felt heard.']);
  });

  it('first arrow key on an untouched line places the mark at 5.0 and announces it', async () => {
    const user = userEvent.setup();
    const slider = await renderLine();
    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(slider.getAttribute('aria-valuetext')).toBe('5.0 out of 10');
    expect(screen.getByText('Mark placed at 5.0. Use the arrow keys to move it.')).toBeTruthy();
  });

  it('arrows move 0.1 point, page keys 1.0, home and end go to the ends', async () => {
    const user = userEvent.setup();
    const slider = await renderLine({ initial: 50 });
    slider.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
    expect(slider.getAttribute('aria-valuenow')).toBe('5.3');
    await user.keyboard('{ArrowLeft}{ArrowDown}');
    expect(slider.getAttribute('aria-valuenow')).toBe('5.1');
    await user.keyboard('{PageUp}');
    expect(slider.getAttribute('aria-valuenow')).toBe('6.1');
    await user.keyboard('{PageDown}{PageDown}');
    expect(slider.getAttribute('aria-valuenow')).toBe('4.1');
    await user.keyboard('{End}');
    expect(slider.getAttribute('aria-valuenow')).toBe('10');
    await user.keyboard('{PageUp}{ArrowRight}');
    expect(slider.getAttribute('aria-valuenow')).toBe('10');
    await user.keyboard('{Home}');
    expect(slider.getAttribute('aria-valuetext')).toBe('0.0 out of 10');
  });

  it('Home on an untouched line answers 0 at once', async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    const slider = await renderLine({ onValue });
    slider.focus();
    await user.keyboard('{Home}');
    expect(onValue).toHaveBeenCalledWith(0);
  });

  it('sets whole millimetres from the pointer position and follows a captured drag', async () => {
    const onValue = vi.fn();
    const slider = await renderLine({ onValue });
    slider.getBoundingClientRect = () => ({
      left: 100,
      width: 400,
      top: 0,
      right: 500,
      bottom: 40,
      height: 40,
      x: 100,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.pointerDown(slider, { pointerId: 1, clientX: 352 });
    expect(onValue).toHaveBeenLastCalledWith(63);
    expect(slider.getAttribute('aria-valuetext')).toBe('6.3 out of 10');
    fireEvent.pointerMove(slider, { pointerId: 1, clientX: 600 });
    expect(onValue).toHaveBeenLastCalledWith(100);
    fireEvent.pointerUp(slider, { pointerId: 1, clientX: 600 });
    fireEvent.pointerMove(slider, { pointerId: 1, clientX: 150 });
    expect(onValue).toHaveBeenLastCalledWith(100);
    fireEvent.pointerDown(slider, { pointerId: 2, clientX: 50 });
    expect(onValue).toHaveBeenLastCalledWith(0);
  });

  it('speaks Spanish: decimal comma and "de 10"', async () => {
    const slider = await renderLine({ initial: 63 }, 'es');
    expect(slider.getAttribute('aria-valuetext')).toBe('6,3 de 10');
  });

  it('says "sin valorar todavía" in Spanish when untouched', async () => {
    const slider = await renderLine({}, 'es');
    expect(slider.getAttribute('aria-valuetext')).toBe('sin valorar todavía');
  });
});
