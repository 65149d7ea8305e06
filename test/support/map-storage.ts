// Session storage over a Map, for tests of what the app keeps in the tab (Outbox, RefusalMemory).
import type { OutboxStorage } from '../../src/fhir/write';

export function mapStorage(map: Map<string, string>): OutboxStorage {
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
  };
}
