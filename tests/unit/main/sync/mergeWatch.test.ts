import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { MergeWatch } from '../../../../main/sync/mergeWatch.ts';
import { newSharedDoc } from '../../../../shared/sync/yDoc.ts';

const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

/** A server document and machines that all hold its current state (as after a sync). */
function team(...names: string[]) {
  const server = newSharedDoc();
  server.getText('t').insert(0, '共同的文本');
  const machines = new Map<string, Y.Doc>();
  for (const name of names) {
    const doc = newSharedDoc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    machines.set(name, doc);
  }
  return { server, machine: (name: string) => machines.get(name)! };
}

/** What one machine sends when it comes back: its state vector, then what the server lacks. */
function comeBack(watch: MergeWatch<object>, conn: object, server: Y.Doc, doc: Y.Doc): boolean {
  assert.equal(watch.message(conn, server, STEP1, Y.encodeStateVector(doc)), false, 'opening is never a merge');
  const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server));
  const merged = watch.message(conn, server, STEP2, update);
  Y.applyUpdate(server, update);
  return merged;
}

describe('merge watch on the office server', () => {
  test('the second machine back with offline changes is a merge; the first is not', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').insert(0, '甲');
    machine('b').getText('t').insert(5, '乙');
    const watch = new MergeWatch<object>();
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    assert.equal(comeBack(watch, {}, server, machine('b')), true);
  });

  test('two machines back at once: the one whose changes arrive second merges, whatever the order of opening', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').insert(0, '甲');
    machine('b').getText('t').insert(5, '乙');
    const watch = new MergeWatch<object>();
    const [ca, cb] = [{}, {}];
    // Both open before either sends its changes (each is answered with nothing new).
    watch.message(ca, server, STEP1, Y.encodeStateVector(machine('a')));
    watch.message(cb, server, STEP1, Y.encodeStateVector(machine('b')));
    const fromA = Y.encodeStateAsUpdate(machine('a'), Y.encodeStateVector(server));
    const fromB = Y.encodeStateAsUpdate(machine('b'), Y.encodeStateVector(server));
    assert.equal(watch.message(ca, server, STEP2, fromA), false);
    Y.applyUpdate(server, fromA);
    assert.equal(watch.message(cb, server, STEP2, fromB), true);
  });

  test('a machine back without changes, or a new one, is no merge', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').insert(0, '甲');
    const watch = new MergeWatch<object>();
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    assert.equal(comeBack(watch, {}, server, machine('b')), false, 'b only catches up');
    assert.equal(comeBack(watch, {}, server, newSharedDoc()), false, 'an empty document only receives');
  });

  test('offline changes sent as several queued updates before step 2 are not taken for a merge with themselves', () => {
    const { server, machine } = team('a');
    const a = machine('a');
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    a.getText('t').insert(0, '一');
    a.getText('t').insert(0, '二');
    a.getText('t').insert(0, '三');
    const watch = new MergeWatch<object>();
    const conn = {};
    watch.message(conn, server, STEP1, Y.encodeStateVector(a));
    for (const u of updates) {
      assert.equal(watch.message(conn, server, UPDATE, u), false);
      Y.applyUpdate(server, u);
    }
    assert.equal(watch.message(conn, server, STEP2, Y.encodeStateAsUpdate(a, Y.encodeStateVector(server))), false);
  });

  test('a queued offline update meeting another machine’s changes is a merge', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').insert(0, '甲');
    const b = machine('b');
    const updates: Uint8Array[] = [];
    b.on('update', (u: Uint8Array) => updates.push(u));
    b.getText('t').insert(5, '乙');
    const watch = new MergeWatch<object>();
    const cb = {};
    watch.message(cb, server, STEP1, Y.encodeStateVector(b));
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    assert.equal(watch.message(cb, server, UPDATE, updates[0]!), true);
  });

  test('after its step 2 a machine is live: typing that crosses another’s is not checked', () => {
    const { server, machine } = team('a', 'b');
    const watch = new MergeWatch<object>();
    const cb = {};
    assert.equal(comeBack(watch, cb, server, machine('b')), false);
    machine('a').getText('t').insert(0, '甲');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(machine('a'), Y.encodeStateVector(server)));
    const b = machine('b');
    const before = Y.encodeStateVector(b);
    b.getText('t').insert(5, '乙');
    assert.equal(watch.message(cb, server, UPDATE, Y.encodeStateAsUpdate(b, before)), false);
  });

  test('a deletion made on the server side meanwhile is concurrent with a machine’s offline changes', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').delete(0, 2); // only deletes: no new content in a's state vector
    machine('b').getText('t').insert(5, '乙');
    const watch = new MergeWatch<object>();
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    assert.equal(comeBack(watch, {}, server, machine('b')), true);
  });

  test('a machine whose offline change only deleted merges with content added meanwhile', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').insert(5, '甲');
    machine('b').getText('t').delete(0, 2);
    const watch = new MergeWatch<object>();
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    assert.equal(comeBack(watch, {}, server, machine('b')), true);
  });

  test('a deletion the machine already had is no merge; catching up on a deletion is none either', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').delete(0, 2);
    const watch = new MergeWatch<object>();
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    Y.applyUpdate(machine('b'), Y.encodeStateAsUpdate(server, Y.encodeStateVector(machine('b'))));
    machine('b').getText('t').insert(0, '乙');
    assert.equal(comeBack(watch, {}, server, machine('b')), false, 'b had seen the deletion before it typed');
    assert.equal(comeBack(watch, {}, server, machine('a')), false, 'a only catches up');
  });

  test('offline changes sent as queued updates, then an empty step 2, still meet a deletion made meanwhile', () => {
    const { server, machine } = team('a', 'b');
    machine('a').getText('t').delete(0, 2);
    const b = machine('b');
    const updates: Uint8Array[] = [];
    b.on('update', (u: Uint8Array) => updates.push(u));
    b.getText('t').insert(5, '乙');
    const watch = new MergeWatch<object>();
    assert.equal(comeBack(watch, {}, server, machine('a')), false);
    const cb = {};
    watch.message(cb, server, STEP1, Y.encodeStateVector(b));
    assert.equal(watch.message(cb, server, UPDATE, updates[0]!), false, 'an update carries only its own deletions');
    Y.applyUpdate(server, updates[0]!);
    assert.equal(watch.message(cb, server, STEP2, Y.encodeStateAsUpdate(b, Y.encodeStateVector(server))), true);
  });
});
