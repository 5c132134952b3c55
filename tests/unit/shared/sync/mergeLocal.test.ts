import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeLocalIntoShared } from '../../../../shared/sync/mergeLocal.ts';
import type { Block, CaseDoc } from '../../../../shared/model/caseDoc.ts';

const b = (id: string, text: string): Block => ({ id, kind: 'body', text, page: 0, breaks: [] });
const doc = (...blocks: Block[]): CaseDoc => ({ version: 1, blocks });

test('a local write keeps the team changes of blocks it did not touch', () => {
  const base = doc(b('a', '一'), b('b', '二'), b('c', '三'));
  const local = doc(b('a', '一改'), b('b', '二'), b('c', '三'));
  const shared = doc(b('a', '一'), b('b', '二（队友）'), b('c', '三'));
  assert.deepEqual(mergeLocalIntoShared(base, local, shared), doc(b('a', '一改'), b('b', '二（队友）'), b('c', '三')));
});

test('deletions and insertions on either side all land', () => {
  const base = doc(b('a', '一'), b('b', '二'), b('c', '三'));
  const local = doc(b('a', '一'), b('n', '新'), b('c', '三'));
  const shared = doc(b('a', '一'), b('b', '二'), b('t', '队友加的'), b('c', '三'));
  assert.deepEqual(mergeLocalIntoShared(base, local, shared), doc(b('a', '一'), b('n', '新'), b('t', '队友加的'), b('c', '三')));
});

test('a block changed on both sides takes the local version; unchanged documents merge to the shared one', () => {
  const base = doc(b('a', '一'));
  assert.deepEqual(mergeLocalIntoShared(base, doc(b('a', '甲')), doc(b('a', '乙'))), doc(b('a', '甲')));
  const shared = doc(b('a', '一'), b('z', '尾'));
  assert.deepEqual(mergeLocalIntoShared(base, base, shared), shared);
});
