// The other half of the cycle (see cycle-a.ts); the main lint ignores this folder.
import { a } from './cycle-a';

export const b = 'b';
export const callsBack = (): string => a();
