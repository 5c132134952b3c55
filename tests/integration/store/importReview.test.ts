// An import whose cases the pipeline flagged for review, or with text it placed nowhere else,
// written into a real SQLite library: the cases carry the workflow's 有疑问 flag with the reasons,
// and the unassigned text is kept as an item of its own, flagged too (issue 9 §3).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseState, getCase, listCases, openFlags } from '../../../main/store/index.ts';
import { writeParsedImport, type CommitRequest } from '../../../main/import/importWrite.ts';
import { importText } from '../../../shared/import/pipeline.ts';
import { addUnassigned } from '../../../shared/import/unassigned.ts';
import type { ImportResult } from '../../../shared/model/importResult.ts';
import { openTemp } from './helpers/fixtures.ts';

const excerpt = readFileSync(new URL('../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');

/** The seed excerpt parsed, its review reasons cleared: each test sets the ones it is about. */
function parsed(): { result: ImportResult; scanPageCount: number; suggestedOffset: number } {
  const result = importText(excerpt, { sourceName: 'excerpt.txt', encoding: 'utf-8' });
  for (const c of result.cases) delete c.review;
  for (const f of result.frontMatter) delete f.review;
  return { result, scanPageCount: 0, suggestedOffset: 0 };
}

function request(language: CommitRequest['language']): CommitRequest {
  return {
    title: '卷',
    sourceName: 'excerpt.txt',
    sourceHash: 'h',
    scans: [],
    scanOffset: 0,
    replaceVolumeId: null,
    who: '审校员',
    ...(language ? { language } : {}),
  };
}

describe('import review flags', () => {
  test('a case or front-matter item with review reasons is imported flagged 有疑问 with them; the rest is not', (t) => {
    const lib = openTemp(t);
    const p = parsed();
    p.result.cases[0]!.review = ['not-in-toc', 'not-conserved'];
    p.result.frontMatter[0]!.review = ['some-new-reason'];
    const volume = writeParsedImport(lib.db, lib.scansDir, p, request(undefined));
    const cases = listCases(lib.db, volume.id);
    const first = cases.find((c) => c.number === p.result.cases[0]!.number)!;
    const second = cases.find((c) => c.number === null && c.title === p.result.frontMatter[0]!.title)!;
    assert.equal(first.flag, '导入待核：目录中没有此案例；所在页的文字未能全部对上');
    // A reason the translations do not know shows as its key.
    assert.equal(second.flag, '导入待核：some-new-reason');
    assert.ok(cases.filter((c) => c.id !== first.id && c.id !== second.id).every((c) => c.flag === null));
    // The flag is the workflow's own: the log's state and the dashboard's open flags agree.
    const state = caseState(lib.db, first.id);
    assert.equal(state.flag?.who, '审校员');
    assert.equal(state.stage, first.stage);
    assert.deepEqual(
      openFlags(lib.db, volume.id)
        .map((f) => f.caseId)
        .sort(),
      [first.id, second.id].sort(),
    );
  });

  test('unassigned text becomes one flagged item, in the user’s language, its pieces on their pages', (t) => {
    const lib = openTemp(t);
    const p = parsed();
    addUnassigned(p.result, [
      { page: 6, line: 120, text: '无法归属的一段\n第二行', reason: 'uncertain' },
      { page: 7, line: 150, text: '另一段', reason: 'toc-unread' },
    ]);
    const volume = writeParsedImport(lib.db, lib.scansDir, p, request('en'));
    const item = listCases(lib.db, volume.id).find((c) => c.title === 'Unassigned text (import review)');
    assert.ok(item, 'the unassigned item is stored');
    assert.equal(item.number, null);
    assert.equal(item.flag, 'Import review: text that belongs to no case');
    assert.deepEqual([item.pageStart, item.pageEnd], [6, 7]);
    const doc = getCase(lib.db, item.id).doc;
    assert.deepEqual(
      doc.blocks.map((b) => [b.kind, b.page, b.text]),
      [
        ['body', 6, '无法归属的一段\n第二行'],
        ['body', 7, '另一段'],
      ],
    );
  });

  test('without review reasons or unassigned text nothing is flagged', (t) => {
    const lib = openTemp(t);
    const volume = writeParsedImport(lib.db, lib.scansDir, parsed(), request('zh-CN'));
    assert.deepEqual(openFlags(lib.db, volume.id), []);
    assert.ok(listCases(lib.db, volume.id).every((c) => c.flag === null));
  });
});
