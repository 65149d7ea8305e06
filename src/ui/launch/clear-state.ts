// fhirclient keeps its state in sessionStorage under a random key, with a pointer at SMART_KEY. Embedded
// EHR browsers reuse the window across patients, and a leftover state shows the previous patient
// (client-js #199), so a launch forgets the previous state before it authorizes.
export const SMART_KEY = 'SMART_KEY';

export function clearPreviousSmartState(storage: Storage): void {
  const pointer = storage.getItem(SMART_KEY);
  if (pointer !== null) {
    const stateKey = parseStateKey(pointer);
    if (stateKey) storage.removeItem(stateKey);
  }
  storage.removeItem(SMART_KEY);
}

function parseStateKey(pointer: string): string | undefined {
  try {
    const value: unknown = JSON.parse(pointer);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return pointer;
  }
}
