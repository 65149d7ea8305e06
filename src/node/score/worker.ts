import { parentPort } from 'node:worker_threads';
import { type RangeTask, scoreRange } from './range-task';
import type { ThreadMessage } from './threads';

// One scoring thread: ready once loaded, then its range of the file, its own output and problem files; its
// result is posted back and the thread ends.

const post = (message: ThreadMessage) => parentPort?.postMessage(message);
parentPort?.once(
  'message',
  (task: RangeTask) => void scoreRange(task).then((result) => post({ kind: 'scored', result })),
);
post({ kind: 'ready' });
