// Runs parseImportFile in a worker thread so a large or slow input never blocks the main event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { parseImportFile, type ParseInput } from '../import/parseImportFile.ts';
import { toErrorShape } from '../../shared/ipc/errors.ts';

const port = parentPort;
if (!port) throw new Error('importWorker must run in a worker thread');

parseImportFile(workerData as ParseInput, (p) => port.postMessage({ type: 'progress', ...p })).then(
  (parsed) => port.postMessage({ type: 'result', parsed }),
  (err: unknown) => port.postMessage({ type: 'error', error: toErrorShape(err) }),
);
