import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { openCaseReplica, seedCaseState, type CaseReplica } from '../../../../shared/sync/caseReplica.ts';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';
import { seedCaseDoc } from '../../renderer/editor/seedDoc.ts';

function small(): CaseDoc {
  return {
    version: 1,
    blocks: [
      { id: 'b1', kind: 'title', text: '乡村振兴的实践', page: 3, breaks: [] },
      { id: 'b2', kind: 'body', text: '第一段讲的是村里的合作社如何起步。', page: 3, breaks: [{ at: 8, page: 4 }] },
      { id: 'b3', kind: 'body', text: '第二段讲的是带头人。', page: 4, breaks: [] },
      { id: 'b4', kind: 'awards', text: '获评省级示范社。', page: 4, breaks: [] },
    ],
  };
}

/** Two replicas of one seeded case, as two machines have them after their first sync. */
function pair(doc: CaseDoc): [CaseReplica, CaseReplica] {
  const state = seedCaseState(doc);
  const a = openCaseReplica();
  const b = openCaseReplica();
  Y.applyUpdate(a.ydoc, state);
  Y.applyUpdate(b.ydoc, state);
  return [a, b];
}

/** Edits both replicas without contact, then exchanges what each lacks (as the server relays it). */
function concurrently(a: CaseReplica, b: CaseReplica, editA: (d: CaseDoc) => void, editB: (d: CaseDoc) => void): CaseDoc {
  const da = a.read();
  const db = b.read();
  editA(da);
  editB(db);
  const va = Y.encodeStateVector(a.ydoc);
  const vb = Y.encodeStateVector(b.ydoc);
  a.apply(da);
  b.apply(db);
  const fromA = Y.encodeStateAsUpdate(a.ydoc, vb);
  const fromB = Y.encodeStateAsUpdate(b.ydoc, va);
  Y.applyUpdate(a.ydoc, fromB, 'remote');
  Y.applyUpdate(b.ydoc, fromA, 'remote');
  const merged = a.read();
  assert.deepEqual(b.read(), merged, 'both replicas hold the same document');
  return merged;
}

const block = (d: CaseDoc, id: string) => d.blocks.find((b) => b.id === id)!;

describe('case replica', () => {
  test('a seeded case reads back as the stored document (seed volume case 001, every page break)', () => {
    const { doc } = seedCaseDoc();
    const withIds: CaseDoc = { version: 1, blocks: doc.blocks.map((b, i) => ({ ...b, id: `s${i}` })) };
    const r = openCaseReplica();
    Y.applyUpdate(r.ydoc, seedCaseState(withIds));
    assert.deepEqual(r.read(), withIds);
  });

  test('an unchanged document applies as no update at all; a one-character edit is a small one', () => {
    const [a] = pair(small());
    const updates: Uint8Array[] = [];
    a.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    a.apply(small());
    assert.equal(updates.length, 0);
    const d = small();
    block(d, 'b3').text = '第二段讲的是带头人们。';
    a.apply(d);
    assert.equal(updates.length, 1);
    assert.ok(updates[0]!.length < 64, `update of ${updates[0]!.length} bytes`);
    assert.deepEqual(a.read(), d);
  });

  test('refuses to bind a document that already holds content', () => {
    const ydoc = new Y.Doc({ gc: false });
    Y.applyUpdate(ydoc, seedCaseState(small()));
    assert.throws(() => openCaseReplica(ydoc), /empty document/);
  });

  test('concurrent typing in the same block keeps both insertions', () => {
    const [a, b] = pair(small());
    const merged = concurrently(
      a,
      b,
      (d) => (block(d, 'b3').text = '【甲】' + block(d, 'b3').text),
      (d) => (block(d, 'b3').text = block(d, 'b3').text + '【乙】'),
    );
    assert.equal(block(merged, 'b3').text, '【甲】第二段讲的是带头人。【乙】');
  });

  test('edits of different blocks and a kind change all survive', () => {
    const [a, b] = pair(small());
    const merged = concurrently(
      a,
      b,
      (d) => {
        block(d, 'b1').text = '乡村振兴的实践与探索';
        block(d, 'b4').kind = 'body';
      },
      (d) => (block(d, 'b3').text = '第二段讲的是合作社的带头人。'),
    );
    assert.equal(block(merged, 'b1').text, '乡村振兴的实践与探索');
    assert.equal(block(merged, 'b4').kind, 'body');
    assert.equal(block(merged, 'b3').text, '第二段讲的是合作社的带头人。');
  });

  test('a page marker added on one side and typing on the other both survive', () => {
    const [a, b] = pair(small());
    const merged = concurrently(
      a,
      b,
      (d) => (block(d, 'b3').breaks = [{ at: 3, page: 5 }]),
      (d) => (block(d, 'b2').text = block(d, 'b2').text.replace('合作社', '专业合作社')),
    );
    assert.deepEqual(block(merged, 'b3').breaks, [{ at: 3, page: 5 }]);
    assert.match(block(merged, 'b2').text, /专业合作社/);
    assert.deepEqual(block(merged, 'b2').breaks, [{ at: 8, page: 4 }]);
  });

  test('known limit: typing inside a block deleted meanwhile is lost by the merge (both sides agree)', () => {
    const [a, b] = pair(small());
    const merged = concurrently(
      a,
      b,
      (d) => (d.blocks = d.blocks.filter((x) => x.id !== 'b3')),
      (d) => (block(d, 'b3').text += '补充'),
    );
    assert.equal(
      merged.blocks.find((x) => x.id === 'b3'),
      undefined,
    );
    assert.equal(merged.blocks.length, 3);
  });

  test('known limit: typing in a block split meanwhile lands at the end of the first half', () => {
    const [a, b] = pair(small());
    const merged = concurrently(
      a,
      b,
      (d) => {
        const i = d.blocks.findIndex((x) => x.id === 'b3');
        const t = d.blocks[i]!.text;
        d.blocks.splice(i, 1, { ...d.blocks[i]!, text: t.slice(0, 3) }, { kind: 'body', text: t.slice(3), page: 4, breaks: [] });
      },
      (d) => (block(d, 'b3').text = '第二段讲的是带头人（续）。'),
    );
    assert.equal(merged.blocks.length, 5);
    assert.equal(block(merged, 'b3').text, '第二段（续）', 'kept, at the end of the first half');
    assert.equal(merged.blocks[3]!.text, '讲的是带头人。');
  });
});
