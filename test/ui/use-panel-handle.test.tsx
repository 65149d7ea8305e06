import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePanelHandle } from '../../src/ui/app/use-panel-handle';

// "Continue" clicked in the session table before the administer panel's chunk has loaded must not be lost.
const recordingHandle = () => {
  const opened: string[] = [];
  return { opened, handle: { continueResponse: (id: string) => void opened.push(id) } };
};

describe('the administer panel handle behind "Continue"', () => {
  it('carries out a click made before the panel was there, once, when the panel attaches', () => {
    const { result } = renderHook(() => usePanelHandle());
    const { opened, handle } = recordingHandle();
    act(() => result.current.continueResponse('ors-kept'));
    expect(opened).toEqual([]);
    act(() => result.current.attach(handle));
    expect(opened).toEqual(['ors-kept']);
    act(() => result.current.attach(null));
    act(() => result.current.attach(handle));
    expect(opened).toEqual(['ors-kept']);
  });

  it('opens at once when the panel is there, and the latest click wins while it is not', () => {
    const { result } = renderHook(() => usePanelHandle());
    const { opened, handle } = recordingHandle();
    act(() => {
      result.current.continueResponse('first');
      result.current.continueResponse('second');
    });
    act(() => result.current.attach(handle));
    act(() => result.current.continueResponse('third'));
    expect(opened).toEqual(['second', 'third']);
  });
});
