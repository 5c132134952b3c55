// One import from start to end in its own thread, and its own heap (bounded by the resourceLimits the
// session sets): parse the file, keep the result here and answer the preview's slices from it, then
// write the volume through this thread's own connection to the library. The main thread never holds
// the parse and is never blocked by it.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorShape } from '../../shared/ipc/errors.ts';
import { writeParsedImport } from '../import/importWrite.ts';
import { parseImportFile, type ParsedImport } from '../import/parseImportFile.ts';
import { previewSlice, summarize } from '../import/preview.ts';
import {
  STOP_COMMITTING,
  STOP_NONE,
  STOP_REQUESTED,
  type ToMain,
  type ToWorker,
  type WorkerData,
} from '../import/importProtocol.ts';
import { openWorkerConnection } from '../store/workerConnection.ts';

const port = parentPort;
if (!port) throw new Error('importWorker must run in a worker thread');
const send = (msg: ToMain): void => port.postMessage(msg);

const data = workerData as WorkerData;
const stop = new Int32Array(data.stop);
let parsed: ParsedImport | null = null;

parseImportFile(data.input, (p) => send({ type: 'progress', ...p })).then(
  (p) => {
    parsed = p;
    send({ type: 'parsed', summary: summarize(p) });
  },
  (err: unknown) => send({ type: 'failed', error: toErrorShape(err) }),
);

port.on('message', (msg: ToWorker) => {
  try {
    if (!parsed) throw new AppError('CONFLICT', 'The import is still being read');
    if (msg.type === 'slice') {
      send({ type: 'reply', id: msg.id, value: previewSlice(parsed, msg.req) });
    } else {
      send({ type: 'reply', id: msg.id, value: commit(parsed, msg) });
    }
  } catch (err) {
    send({ type: 'reply', id: msg.id, error: toErrorShape(err) });
  }
});

function commit(p: ParsedImport, msg: Extract<ToWorker, { type: 'commit' }>) {
  const db = openWorkerConnection(msg.libraryDir);
  try {
    return writeParsedImport(db, msg.scansDir, p, msg.request, {
      onProgress: (done, total) => send({ type: 'progress', phase: 'write', done, total }),
      shouldStop: () => Atomics.load(stop, 0) === STOP_REQUESTED,
      // Past this point a cancel is refused: the volume is as good as written.
      commitPoint: () => Atomics.compareExchange(stop, 0, STOP_NONE, STOP_COMMITTING) === STOP_NONE,
    });
  } finally {
    db.close();
  }
}
