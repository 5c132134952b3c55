// The layout variants of the synthetic-volume generator (tests/fixtures/generator/variants.ts): each one
// prints what its ground truth says, so that `npm run eval:import` measures the importer, not the generator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { variantVolume, volumeTextLayer } from '../../../fixtures/generator/textLayer.ts';
import { pageStartLines } from '../../../fixtures/generator/truth.ts';
import { VARIANTS } from '../../../fixtures/generator/variants.ts';
import type { Page } from '../../../fixtures/generator/layout.ts';

const SEED = 5;
const CASES = 6;
const squash = (s: string): string => s.replace(/\s+/g, '');

/** A page's text lines without its running lines (a header first; a folio or footer last). */
function bodyLines(pageText: string, p: Page): string[] {
  const lines = pageText.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (p.head !== undefined) lines.splice(0, 1);
  if (p.foot !== undefined) lines.pop();
  if (p.folio) lines.splice(lines.lastIndexOf(`${p.folio.phrases.join(' ')} ${String(p.folio.number).padStart(3, '0')}`), 1);
  return lines;
}

describe('generator layout variants', () => {
  test('the seed variant is the text layer of volumeTextLayer', () => {
    assert.equal(variantVolume(CASES, SEED, VARIANTS.seed).text, volumeTextLayer(CASES, SEED).text);
  });

  for (const [name, variant] of Object.entries(VARIANTS)) {
    test(`${name}: the text layer prints every part of the truth where the truth puts it`, () => {
      const { text, truth, layout } = variantVolume(CASES, SEED, variant);
      const pages = text.split('\f').slice(0, -1);
      assert.equal(pages.length, layout.pages.length);
      assert.equal(pageStartLines(text).length, truth.pages.length);
      if (name !== 'seed') assert.notEqual(text, volumeTextLayer(CASES, SEED).text, 'the variant changes the print');

      const tocText = squash(pages.filter((_, i) => layout.pages[i]?.kind === 'toc').join(''));
      assert.deepEqual(
        truth.toc.map((e) => e.number),
        truth.cases.map((c) => c.number),
      );
      for (const e of truth.toc) {
        assert.ok(tocText.includes(squash(e.title ?? '')), `TOC title ${e.title}`);
        assert.ok(tocText.includes(squash(e.organization)), `TOC organisation ${e.organization}`);
      }
      assert.equal(new Set(truth.cases.map((c) => c.title)).size, truth.cases.length, 'titles are unique');

      truth.cases.forEach((c, i) => {
        const span = layout.cases[i];
        assert.ok(span);
        assert.deepEqual(c.printedPages, [layout.pages[span.firstPage]?.printed, layout.pages[span.lastPage]?.printed]);
        const opener = layout.pages[span.firstPage] as Page;
        const openerText = squash(bodyLines(pages[span.firstPage] ?? '', opener).join(''));
        assert.ok(openerText.includes(squash(c.title)), `title of case ${c.number} on its opening page`);
        assert.ok(openerText.includes(squash(`———${c.organization}`)), `organisation of case ${c.number}`);
        const lines: string[] = [];
        for (let p = span.firstPage; p <= span.lastPage; p++) lines.push(...bodyLines(pages[p] ?? '', layout.pages[p] as Page));
        const body = squash(lines.join(''));
        for (const s of c.sections) {
          if (s.heading !== null) assert.ok(lines.includes(s.heading), `heading ${s.heading} on a line of its own`);
          for (const para of s.paragraphs) assert.ok(body.includes(squash(para)), `paragraph of case ${c.number}`);
        }
        for (const para of c.commentary?.paragraphs ?? []) assert.ok(openerText.includes(squash(para)), 'commentary');
        if (variant.commentary === 'none') assert.equal(c.commentary, null);
        if (variant.caseStart === 'odd') assert.equal((c.printedPages[0] ?? 0) % 2, 1, 'opens on an odd page');
        if (variant.headings === 'numbered') {
          const headed = c.sections.filter((s) => s.heading !== null && s.heading !== '获奖情况');
          assert.ok(
            headed.every((s, k) => s.heading?.startsWith(`${'一二三四五六七八九十'[k]}、`)),
            'numbered 一、二、…',
          );
        }
      });
    });
  }

  test('titles broken at punctuation print each piece on its own line, ending in ：，、 or ”', () => {
    const { text, truth, layout } = variantVolume(CASES, SEED, VARIANTS.titlesPunct);
    const lines = new Set(text.split('\n'));
    truth.cases.forEach((c, i) => {
      const block = layout.pages[layout.cases[i]?.firstPage ?? -1]?.blocks.find((b) => b.k === 'caseTitle');
      assert.ok(block?.k === 'caseTitle');
      const pieces = block.lines.map((ps) => ps.join(' '));
      assert.ok(pieces.length >= 2 && pieces.length <= 3, c.title);
      assert.equal(pieces.join(''), c.title);
      for (const piece of pieces.slice(0, -1)) assert.match(piece, /[：，、”]$/u);
      for (const piece of pieces) assert.ok(lines.has(piece), `line ${piece}`);
    });
  });

  test('the wrapped TOC puts the leaders and page on the organisation’s last line', () => {
    const { text, truth } = variantVolume(CASES, SEED, VARIANTS.tocOrgWrap);
    const wrapped = truth.toc.filter((e) => !text.includes(`———${e.organization} `));
    assert.ok(wrapped.length > 0, 'some organisations wrap');
    for (const e of truth.toc) assert.match(text, new RegExp(`… ${e.page}\\n`));
  });
});
