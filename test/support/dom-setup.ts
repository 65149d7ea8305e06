import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy*/waitFor give up after one second by default: too short when the machine is busy. A wait that
// succeeds returns as soon as it does, so a long ceiling costs nothing in a passing run.
configure({ asyncUtilTimeout: 90_000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
