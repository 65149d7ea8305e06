// Half of an import cycle that exists only so test/node/lint-rules.test.ts can show the cycle rule fires.
import { b } from './cycle-b';

export const a = (): string => `a${b.length}`;
