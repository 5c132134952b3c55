import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchResult } from '../../../shared/model/search.ts';
import { openLibrary, setStage, writeImport, listCases } from '../../../main/store/index.ts';
import { seedImport } from '../store/helpers/fixtures.ts';
import { runCli } from './helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-search-'));
const library = path.join(tmp, 'library');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(tmp, [...args, '--library', library]);
let second = 0;

describe('search on the command line', () => {
  before(() => {
    const lib = openLibrary(library);
    try {
      writeImport(lib.db, seedImport());
      const v2 = writeImport(lib.db, seedImport({ volume: { title: '第二卷', sourceName: null, sourceHash: null, scan: null } }));
      second = v2.id;
      setStage(lib.db, { id: listCases(lib.db, v2.id)[0]!.id, stage: 'review1', who: '甲' });
    } finally {
      lib.close();
    }
  });

  test('--json answers the grouped result across volumes', () => {
    const res = cli('search', '民情论坛', '--json');
    assert.equal(res.code, 0, res.stderr);
    const out = JSON.parse(res.stdout) as SearchResult;
    assert.equal(out.total, 2);
    assert.deepEqual(out.terms, ['民情论坛']);
    assert.deepEqual(out.volumes.map((g) => g.title).sort(), ['创先争优好做法', '第二卷']);
    const hit = out.volumes[0]!.cases[0]!;
    assert.equal(hit.number, 1);
    const s = hit.snippets[0]!;
    assert.equal(s.text.slice(s.highlights[0]!.start, s.highlights[0]!.end), '民情论坛');
    assert.equal(s.page, 5);
    assert.equal(s.printedLabel, '1');
  });

  test('human output: volumes, cases with their stage, excerpts with the page and the hit marked', () => {
    const res = cli('search', '民情论坛');
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /“民情论坛”：共 2 个案例/);
    assert.match(res.stdout, /\n第二卷 {2}\(1\)\n/);
    assert.match(res.stdout, /001 {2}开设“民情论坛” 打造和谐家园 {2}\[初审\]/);
    assert.match(res.stdout, /第 001 页 +.*⟦民情论坛⟧/);
  });

  test('--volume, --stage and --exact narrow it; several words must all occur', () => {
    const inSecond = JSON.parse(cli('search', '民情论坛', '--volume', String(second), '--json').stdout) as SearchResult;
    assert.deepEqual(
      inSecond.volumes.map((g) => g.volumeId),
      [second],
    );
    const atReview = JSON.parse(cli('search', '民情', '--stage', '初审', '--json').stdout) as SearchResult;
    assert.equal(atReview.total, 1);
    const words = JSON.parse(cli('search', '民情', '家园', '--json').stdout) as SearchResult;
    assert.deepEqual(words.terms, ['民情', '家园']);
    assert.equal(words.total, 2);
    const phrase = JSON.parse(cli('search', '民情 家园', '--exact', '--json').stdout) as SearchResult;
    assert.equal(phrase.total, 0);
    const none = cli('search', '不存在的词语');
    assert.equal(none.code, 0);
    assert.match(none.stdout, /没有找到“不存在的词语” \/ Nothing found/);
  });

  test('bad input: punctuation only, no query, an unknown volume or stage', () => {
    const punct = cli('search', '，。');
    assert.equal(punct.code, 1);
    assert.match(punct.stderr, /SEARCH_EMPTY_QUERY/);
    assert.match(punct.stderr, /只有标点或空白/);
    const empty = cli('search');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /usage: search/);
    const volume = cli('search', '党', '--volume', '999');
    assert.equal(volume.code, 1);
    assert.match(volume.stderr, /NOT_FOUND/);
    const stage = cli('search', '党', '--stage', '审读');
    assert.equal(stage.code, 2);
    assert.match(stage.stderr, /unknown stage/);
  });
});
