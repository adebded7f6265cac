/** Worker thread entry: run the build's first phase (build-check.ts) and post its result. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkForBuild } from './build-check.ts';
import type { BuildCheckInput } from './build-check.ts';

parentPort?.postMessage(checkForBuild(workerData as BuildCheckInput));
