// Runs in a separate Node process, so the store can be exercised across processes (locks, crashes).
// Usage: node child.ts open <dir>            → prints {ok} or {code, details} as one JSON line
//        node child.ts save-loop <dir> <id>  → saves the case forever, printing each committed version
import { AppError } from '../../../../shared/ipc/errors.ts';
import { getCase, openLibrary, saveCase } from '../../../../main/store/index.ts';
import { doc } from './fixtures.ts';

const [mode, dir, idArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: child.ts <mode> <dir> [caseId]');

if (mode === 'open') {
  try {
    openLibrary(dir).close();
    console.log(JSON.stringify({ ok: true }));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.log(JSON.stringify({ code: err.code, details: err.details }));
  }
} else if (mode === 'save-loop') {
  const lib = openLibrary(dir);
  const id = Number(idArg);
  let version = getCase(lib.db, id).version;
  for (;;) {
    const next = version + 1;
    // The text names its own version, so the parent can tell which save survived.
    version = saveCase(lib.db, { id, version, doc: doc('标题', `第${next}版正文`.repeat(200)), who: 'child' }).version;
    // stdout to a pipe is synchronous on Linux: once this line is out, the save has committed.
    console.log(version);
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
