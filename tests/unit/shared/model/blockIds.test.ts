import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasBlockIds, newBlockId, withBlockIds } from '../../../../shared/model/blockIds.ts';
import { BlockId, CaseDoc, type Block } from '../../../../shared/model/caseDoc.ts';
import { exportJson, exportJsonText, readExportJson, reimportCases } from '../../../../shared/export/json.ts';

const block = (text: string, id?: string): Block => ({ ...(id ? { id } : {}), kind: 'body', text, page: 0, breaks: [] });

describe('block ids', () => {
  test('a new id is 12 base-36 characters, valid for the schema, and ids differ', () => {
    const ids = Array.from({ length: 2000 }, newBlockId);
    for (const id of ids) {
      assert.match(id, /^[0-9a-z]{12}$/);
      assert.ok(BlockId.safeParse(id).success);
    }
    assert.equal(new Set(ids).size, ids.length);
  });

  test('missing ids are filled in, existing ones kept, and a complete document is returned as is', () => {
    const doc: CaseDoc = { version: 1, blocks: [block('甲', 'a1'), block('乙'), block('丙', 'c3')] };
    const filled = withBlockIds(doc);
    assert.notEqual(filled, doc);
    assert.deepEqual(
      filled.blocks.map((b) => b.text),
      ['甲', '乙', '丙'],
    );
    assert.equal(filled.blocks[0]!.id, 'a1');
    assert.equal(filled.blocks[2]!.id, 'c3');
    assert.match(filled.blocks[1]!.id!, /^[0-9a-z]{12}$/);
    assert.equal(doc.blocks[1]!.id, undefined, 'the input is not changed');
    assert.equal(withBlockIds(filled), filled);
    assert.ok(hasBlockIds(filled));
    assert.ok(!hasBlockIds(doc));
    assert.ok(CaseDoc.safeParse(filled).success);
  });

  test('a repeated id stays with its first block; later copies get fresh ones', () => {
    const doc: CaseDoc = { version: 1, blocks: [block('前', 'x'), block('中', 'x'), block('后', 'x')] };
    const ids = withBlockIds(doc).blocks.map((b) => b.id);
    assert.equal(ids[0], 'x');
    assert.equal(new Set(ids).size, 3);
  });

  test('the schema bounds ids: no empty, over-long or odd ones', () => {
    for (const bad of ['', 'x'.repeat(41), 'a b', '块', 'a/b']) assert.ok(!BlockId.safeParse(bad).success, bad);
    assert.ok(!CaseDoc.safeParse({ version: 1, blocks: [{ ...block('甲'), id: '' }] }).success);
  });

  test('the JSON export leaves ids out (they anchor notes, which it does not carry) and reads back without them', () => {
    const doc = withBlockIds({ version: 1, blocks: [{ ...block('标题'), kind: 'title' }, block('正文')] });
    const json = exportJson(
      '卷',
      [
        {
          id: 1,
          number: 1,
          title: '标题',
          organization: '',
          stage: 'final',
          pageStart: 0,
          printedStart: null,
          printedEnd: null,
          doc,
        },
      ],
      { generator: 'test', exportedAt: '2026-01-04T08:00:00.000Z' },
    );
    assert.deepEqual(json.cases[0]!.blocks, [
      { kind: 'title', text: '标题' },
      { kind: 'body', text: '正文' },
    ]);
    const read = readExportJson(exportJsonText(json));
    assert.ok(read.ok);
    const [again] = reimportCases(read.value);
    assert.deepEqual(
      again!.doc.blocks.map((b) => [b.id, b.text]),
      [
        [undefined, '标题'],
        [undefined, '正文'],
      ],
      'the store gives re-imported blocks new ids',
    );
  });
});
