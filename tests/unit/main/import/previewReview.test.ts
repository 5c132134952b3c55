// The import preview (main/import/preview.ts) carries what the user must look at before writing:
// the review reasons of each case and front-matter item, and the text placed nowhere else.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { previewSlice, summarize } from '../../../../main/import/preview.ts';
import { addUnassigned } from '../../../../shared/import/unassigned.ts';
import { PREVIEW_TEXT_MAX, PREVIEW_UNASSIGNED_MAX, type PreviewCase } from '../../../../shared/model/importPreview.ts';
import type { ImportResult } from '../../../../shared/model/importResult.ts';

function result(): ImportResult {
  const doc = { version: 1 as const, blocks: [{ kind: 'body' as const, text: '正文', page: 1, breaks: [] }] };
  const base = { commentary: null, sections: [], printedPages: null, pageStart: 1, pageEnd: 1, doc };
  return {
    sourceName: 'v.txt',
    encoding: 'utf-8',
    pages: [0, 1, 2].map((index) => ({ index, printed: index === 0 ? null : index, startLine: index * 10, raw: '' })),
    frontMatter: [
      {
        kind: 'foreword',
        title: '前言',
        byline: null,
        paragraphs: [],
        date: null,
        pageStart: 0,
        pageEnd: 0,
        doc,
        review: ['not-conserved'],
      },
    ],
    toc: [],
    cases: [
      { number: 1, title: '甲', organization: '单位', ...base, review: ['not-in-toc', 'merged'] },
      { number: 2, title: '乙', organization: '单位', ...base },
    ],
    changes: [],
    warnings: [],
  };
}

const parsedOf = (r: ImportResult) => ({ result: r, scanPageCount: 0, suggestedOffset: 0 });

describe('import preview: review and unassigned text', () => {
  test('case and front-matter rows carry their review reasons (none: empty)', () => {
    const p = parsedOf(result());
    const cases = previewSlice(p, { kind: 'cases', offset: 0, limit: 10 }).items as PreviewCase[];
    assert.deepEqual(
      cases.map((c) => c.review),
      [['not-in-toc', 'merged'], []],
    );
    const front = previewSlice(p, { kind: 'front', offset: 0, limit: 10 }).items as { review: string[] }[];
    assert.deepEqual(front[0]!.review, ['not-conserved']);
  });

  test('the summary lists the unassigned texts, clipped and capped, with their printed page; the warning says so', () => {
    const r = result();
    assert.deepEqual(summarize(parsedOf(r)).unassigned, { total: 0, items: [] });
    const long = '字'.repeat(PREVIEW_TEXT_MAX + 10);
    addUnassigned(
      r,
      Array.from({ length: PREVIEW_UNASSIGNED_MAX + 2 }, (_, i) => ({
        page: 2,
        line: 20 + i,
        text: i === 0 ? long : `段${i}`,
        reason: 'uncertain',
      })),
    );
    const s = summarize(parsedOf(r));
    assert.equal(s.unassigned?.total, PREVIEW_UNASSIGNED_MAX + 2);
    assert.equal(s.unassigned?.items.length, PREVIEW_UNASSIGNED_MAX);
    const first = s.unassigned!.items[0]!;
    assert.deepEqual([first.page, first.printed, first.line, first.chars, first.reason], [2, 2, 20, long.length, 'uncertain']);
    assert.equal(first.text.length, PREVIEW_TEXT_MAX + 1);
    assert.ok(s.warnings.some((w) => w.startsWith('unassigned-text:')));
  });
});
