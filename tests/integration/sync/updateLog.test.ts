import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openLibrary } from '../../../main/store/db.ts';
import { appendUpdate, compact, hasDoc, loadInto, logBytes } from '../../../main/sync/updateLog.ts';
import { openCaseReplica, seedCaseState } from '../../../shared/sync/caseReplica.ts';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';
import type { CaseDoc } from '../../../shared/model/caseDoc.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempLibrary() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbw-ylog-'));
  dirs.push(dir);
  return openLibrary(dir);
}

const name = 'case:019ad3c2-7f1e-7a3b-8c4d-5e6f70819aab';
const doc: CaseDoc = {
  version: 1,
  blocks: [
    { id: 'a', kind: 'title', text: '标题', page: 0, breaks: [] },
    { id: 'b', kind: 'body', text: '正文。', page: 0, breaks: [] },
  ],
};

test('every update is logged as it happens; a reopened library holds the same document; compaction shrinks the log', () => {
  const lib = tempLibrary();
  const replica = openCaseReplica();
  replica.ydoc.on('update', (u: Uint8Array) => appendUpdate(lib.db, name, u));
  Y.applyUpdate(replica.ydoc, seedCaseState(doc));
  assert.ok(hasDoc(lib.db, name));
  let text = '正文。';
  for (let i = 0; i < 300; i++) {
    text = text + (i % 10);
    replica.apply({ ...doc, blocks: [doc.blocks[0]!, { ...doc.blocks[1]!, text }] });
  }
  const logged = Number(lib.db.prepare('SELECT count(*) AS n FROM sync_updates WHERE doc = ?').get(name)?.n);
  assert.equal(logged, 301, 'the seed and each edit');
  const expected = replica.read();
  const dir = lib.dir;
  lib.close();

  const again = openLibrary(dir);
  const fresh = openCaseReplica(newSharedDoc());
  loadInto(again.db, name, fresh.ydoc);
  assert.deepEqual(fresh.read(), expected);

  const { before, after: afterBytes } = compact(again.db, name);
  assert.equal(afterBytes, logBytes(again.db, name));
  assert.ok(afterBytes < before, `${before} → ${afterBytes} bytes`);
  assert.equal(Number(again.db.prepare('SELECT count(*) AS n FROM sync_updates').get()?.n), 0);
  const compacted = openCaseReplica(newSharedDoc());
  loadInto(again.db, name, compacted.ydoc);
  assert.deepEqual(compacted.read(), expected);
  again.close();
});
