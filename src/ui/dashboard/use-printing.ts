import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

// Whether the page is being printed. Paper has no "show all" button and no disclosure widgets, so while
// printing the session table renders every row and each chart its table. `beforeprint` is answered
// synchronously (flushSync): the browser lays out the printout as soon as the event's handlers return.

let printing = false;
const listeners = new Set<() => void>();

function setPrinting(value: boolean): void {
  if (printing === value) return;
  printing = value;
  flushSync(() => listeners.forEach((listener) => listener()));
}

const onBeforePrint = () => setPrinting(true);
const onAfterPrint = () => setPrinting(false);
// Print emulation (and some browsers' print preview) switches the media type without the events.
const onMediaChange = (event: MediaQueryListEvent) => setPrinting(event.matches);

function printMedia(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    printMedia()?.addEventListener('change', onMediaChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('beforeprint', onBeforePrint);
    window.removeEventListener('afterprint', onAfterPrint);
    printMedia()?.removeEventListener('change', onMediaChange);
  };
}

export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}
