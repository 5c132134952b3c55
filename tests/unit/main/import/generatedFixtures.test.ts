// The synthetic-volume generator (tests/fixtures/generator) and the committed small volume it made.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeVolume } from '../../../fixtures/generator/content.ts';
import { layoutVolume } from '../../../fixtures/generator/layout.ts';
import { createRng } from '../../../fixtures/generator/rng.ts';
import { buildTruth, pageStartLines } from '../../../fixtures/generator/truth.ts';
import type { Truth } from '../../../fixtures/generator/truth.ts';
import { endsShort, MEASURES } from '../../../fixtures/generator/typeset.ts';
import { extractPdfPages } from '../../../../main/import/pdfText.ts';

const url = (name: string): URL => new URL(`../../../fixtures/generated/${name}`, import.meta.url);
const meta = JSON.parse(readFileSync(url('small.meta.json'), 'utf8')) as { seed: number; cases: number; pageCount: number };
const committed = JSON.parse(readFileSync(url('small.truth.json'), 'utf8')) as Truth;
const text = readFileSync(url('small.txt'), 'utf8');

describe('synthetic volume generator', () => {
  test('the same seed gives the same volume and layout; another seed does not', () => {
    const a = layoutVolume(makeVolume(createRng(7), 12));
    const b = layoutVolume(makeVolume(createRng(7), 12));
    const c = layoutVolume(makeVolume(createRng(8), 12));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  test('the committed small volume is what the generator makes from its seed', () => {
    const volume = makeVolume(createRng(meta.seed), meta.cases);
    const layout = layoutVolume(volume);
    assert.equal(layout.pages.length, meta.pageCount);
    assert.deepEqual(buildTruth(volume, layout, text, 'small.txt'), committed);
  });

  test('small.pdf has the promised page count and small.txt one form feed per page', async () => {
    const { pageCount } = await extractPdfPages(new Uint8Array(readFileSync(url('small.pdf'))));
    assert.equal(pageCount, meta.pageCount);
    assert.equal(pageStartLines(text).length, meta.pageCount);
    assert.equal(committed.pages.length, meta.pageCount);
  });

  test('the truth is consistent: TOC pages are case openers, printed pages run on from 1', () => {
    assert.equal(committed.toc.length, committed.cases.length);
    committed.cases.forEach((c, i) => {
      assert.equal(c.number, i + 1);
      assert.equal(committed.toc[i]?.page, c.printedPages[0]);
      assert.equal(committed.toc[i]?.title, c.title);
      const next = committed.cases[i + 1];
      if (next) assert.equal(next.printedPages[0], c.printedPages[1] + 1);
    });
    const printed = committed.pages.map((p) => p.printed).filter((p): p is number => p !== null);
    assert.deepEqual(
      printed,
      printed.map((_, i) => i + 1),
    );
  });

  test('the small volume shows every shape the generator can make', () => {
    const cases = committed.cases;
    assert.ok(
      cases.some((c) => c.commentary === null) && cases.some((c) => c.commentary !== null),
      'with and without 〔组织点评〕',
    );
    assert.ok(
      cases.some((c) => c.title.includes(' ')) && cases.some((c) => !c.title.includes(' ')),
      'one- and two-phrase titles',
    );
    assert.ok(
      cases.some((c) => c.sections.some((s) => s.heading === '获奖情况')),
      'an awards section',
    );
    assert.ok(/———.*\d/.test(text) && /[A-Z]{2}/.test(text) && text.includes('《'), 'digits, Latin and 《》');
  });

  test('every paragraph ends on a clearly short line (the text layer’s only paragraph cue)', () => {
    const volume = makeVolume(createRng(3), 20);
    for (const c of volume.cases) {
      for (const s of c.sections) for (const p of s.paragraphs) assert.ok(endsShort(p, MEASURES.body), p);
      for (const p of c.commentary?.paragraphs ?? []) assert.ok(endsShort(p, MEASURES.box), p);
    }
    for (const p of volume.foreword.paragraphs) assert.ok(endsShort(p, MEASURES.foreword), p);
  });
});
