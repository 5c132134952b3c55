import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listWords, mergeWords, removeWord, setWord } from '../../../main/store/index.ts';
import { isAppError } from './helpers/appError.ts';
import { openTemp } from './helpers/fixtures.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('words repository', () => {
  test('adds, changes in place by spelling, respells by id, removes', (t) => {
    const { db } = openTemp(t);
    const a = setWord(db, { word: '帐号', kind: 'bad', replacement: '账号' }, '甲');
    assert.match(a.uuid, UUID_V7);
    assert.equal(a.who, '甲');
    const g = setWord(db, { word: '乾隆', kind: 'good', replacement: null }, '甲');
    // The same spelling again changes that entry (same id and uuid), and records who changed it.
    const changed = setWord(db, { word: '帐号', kind: 'bad', replacement: null }, '乙');
    assert.equal(changed.id, a.id);
    assert.equal(changed.uuid, a.uuid);
    assert.equal(changed.replacement, null);
    assert.equal(changed.who, '乙');
    // Unchanged: nothing is rewritten, not even who.
    assert.equal(setWord(db, { word: '帐号', kind: 'bad', replacement: null }, '丙').who, '乙');
    // By id the word may be respelled, but not onto another entry.
    const respelled = setWord(db, { id: a.id, word: '帐户', kind: 'bad', replacement: '账户' }, '甲');
    assert.equal(respelled.id, a.id);
    assert.throws(() => setWord(db, { id: a.id, word: '乾隆', kind: 'bad', replacement: null }, '甲'), isAppError('CONFLICT'));
    assert.throws(() => setWord(db, { id: 9999, word: '新', kind: 'good', replacement: null }, '甲'), isAppError('NOT_FOUND'));
    assert.deepEqual(
      listWords(db).map((w) => [w.word, w.kind, w.replacement]),
      [
        ['乾隆', 'good', null],
        ['帐户', 'bad', '账户'],
      ],
    );
    removeWord(db, g.id);
    assert.throws(() => removeWord(db, g.id), isAppError('NOT_FOUND'));
    assert.deepEqual(
      listWords(db).map((w) => w.word),
      ['帐户'],
    );
  });

  test('the table refuses what the repository would never write', (t) => {
    const { db } = openTemp(t);
    const insert = (word: string, kind: string, replacement: string | null) =>
      db
        .prepare(
          "INSERT INTO words (uuid, word, kind, replacement, who, at) VALUES (lower(hex(randomblob(16))), ?, ?, ?, 'x', 'now')",
        )
        .run(word, kind, replacement);
    insert('好', 'good', null);
    assert.throws(() => insert('好', 'bad', null), /UNIQUE/);
    assert.throws(() => insert(' 空格 ', 'good', null), /CHECK/);
    assert.throws(() => insert('长'.repeat(51), 'good', null), /CHECK/);
    assert.throws(() => insert('也', 'neutral', null), /CHECK/);
    assert.throws(() => insert('对', 'good', '错'), /CHECK/);
    assert.throws(() => insert('错', 'bad', ''), /CHECK/);
  });

  test('a merge adds, updates and leaves alone, in one transaction', (t) => {
    const { db } = openTemp(t);
    setWord(db, { word: '象', kind: 'bad', replacement: '像' }, '甲');
    setWord(db, { word: '现象', kind: 'good', replacement: null }, '甲');
    setWord(db, { word: '保留', kind: 'good', replacement: null }, '甲');
    const counts = mergeWords(
      db,
      [
        { word: '象', kind: 'bad', replacement: '像' },
        { word: '现象', kind: 'bad', replacement: '现像' },
        { word: '新词', kind: 'good', replacement: null },
      ],
      '乙',
    );
    assert.deepEqual(counts, { added: 1, updated: 1, unchanged: 1 });
    assert.deepEqual(
      listWords(db).map((w) => [w.word, w.kind, w.who]),
      [
        ['保留', 'good', '甲'],
        ['新词', 'good', '乙'],
        ['现象', 'bad', '乙'],
        ['象', 'bad', '甲'],
      ],
    );
  });

  test('the list is bounded: a merge past the limit writes nothing, nor does a new word', (t) => {
    const { db } = openTemp(t);
    mergeWords(
      db,
      ['一', '二', '三'].map((word) => ({ word, kind: 'good' as const, replacement: null })),
      '甲',
      4,
    );
    const before = listWords(db);
    assert.throws(
      () =>
        mergeWords(
          db,
          [
            { word: '一', kind: 'bad', replacement: null },
            { word: '四', kind: 'good', replacement: null },
            { word: '五', kind: 'good', replacement: null },
          ],
          '乙',
          4,
        ),
      isAppError('WORDLIST_FULL', (e) => assert.deepEqual(e.details, { max: 4, count: 5 })),
    );
    assert.deepEqual(listWords(db), before);
    setWord(db, { word: '四', kind: 'good', replacement: null }, '甲', 4);
    assert.throws(() => setWord(db, { word: '五', kind: 'good', replacement: null }, '甲', 4), isAppError('WORDLIST_FULL'));
    // Changing a listed word is no growth.
    assert.equal(setWord(db, { word: '四', kind: 'bad', replacement: '肆' }, '甲', 4).kind, 'bad');
  });
});
