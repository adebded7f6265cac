/** Worker thread entry: run the build's first phase (build-check.ts), posting progress lines and then its result. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkForBuild } from './build-check.ts';
import type { BuildCheckInput } from './build-check.ts';

const result = checkForBuild(workerData as BuildCheckInput, (line) => parentPort?.postMessage({ log: line }));
parentPort?.postMessage({ result });
