import { parentPort, workerData } from 'node:worker_threads';
import { type RangeTask, scoreRange } from './range-task';

// One scoring thread: its range of the file, its own output and problem files; its result is posted back.

parentPort?.postMessage(await scoreRange(workerData as RangeTask));
