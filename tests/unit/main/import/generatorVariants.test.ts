// The layout variants of the synthetic-volume generator (tests/fixtures/generator/variants.ts): each one
// prints what its ground truth says, so that `npm run eval:import` measures the importer, not the generator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { variantVolume, volumeTextLayer } from '../../../fixtures/generator/textLayer.ts';
import { pageStartLines } from '../../../fixtures/generator/truth.ts';
import { BOOK_TITLE, orgLine, roman, signatureLine, VARIANTS } from '../../../fixtures/generator/variants.ts';
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

      const tocPages = pages.filter((_, i) => layout.pages[i]?.kind === 'toc');
      // A number printed flush right interrupts a title over two lines.
      const tocRaw = tocPages.join('');
      const tocText = squash(variant.tocNumbers === 'right' ? tocRaw.replace(/ \d{3}$/gm, '') : tocRaw);
      // Cases are numbered by their order in the volume, whatever the TOC prints (or without one).
      assert.deepEqual(
        truth.cases.map((c) => c.number),
        truth.cases.map((_, i) => i + 1),
      );
      if (variant.toc === 'none') {
        assert.equal(tocPages.length, 0, 'no TOC page');
        assert.deepEqual(truth.toc, []);
      } else {
        assert.deepEqual(
          truth.toc.map((e) => e.number),
          truth.cases.map((c) => c.number),
        );
      }
      for (const e of truth.toc) {
        assert.ok(tocText.includes(squash(e.title ?? '')), `TOC title ${e.title}`);
        assert.equal(tocText.includes(squash(e.organization)), variant.tocOrg !== 'none', `TOC organisation ${e.organization}`);
        assert.equal(tocText.includes(`———${e.organization}`), variant.tocOrg === 'dashes', 'TOC organisation dashes');
        const numbered = tocPages.join('\n').includes(`${String(e.number).padStart(3, '0')} / `);
        assert.equal(numbered, variant.tocNumbers === 'left', `TOC number ${e.number} on the left`);
      }
      if (variant.tocNumbers === 'dot') {
        for (const e of truth.toc)
          assert.ok(tocPages.join('\n').includes(`\n${e.number}. ${(e.title ?? '').slice(0, 4)}`), `number ${e.number}.`);
      }
      if (variant.tocNumbers === 'right') {
        const lines = tocPages.join('\n').split('\n');
        for (const e of truth.toc) {
          const first = (e.title ?? '').split(' ')[0] ?? '';
          assert.ok(
            lines.some((l) => l.startsWith(first) && l.endsWith(` ${String(e.number).padStart(3, '0')}`)),
            `number ${e.number} right`,
          );
        }
      }
      if (variant.tocPages === 'spread') assert.ok(tocPages.length >= 2, 'the TOC runs over several pages');
      layout.pages.forEach((p, i) => {
        if (p.kind === 'case') return;
        const last = (pages[i] ?? '').trimEnd().split('\n').at(-1);
        if (variant.frontFolio === 'roman') assert.equal(last, roman(i + 1), 'roman folio');
        else assert.ok(!/^[ivx]+$/.test(last ?? ''), 'no roman folio');
      });
      assert.equal(new Set(truth.cases.map((c) => c.title)).size, truth.cases.length, 'titles are unique');

      truth.cases.forEach((c, i) => {
        const span = layout.cases[i];
        assert.ok(span);
        assert.deepEqual(c.printedPages, [layout.pages[span.firstPage]?.printed, layout.pages[span.lastPage]?.printed]);
        const opener = layout.pages[span.firstPage] as Page;
        const openerText = squash(bodyLines(pages[span.firstPage] ?? '', opener).join(''));
        assert.ok(openerText.includes(squash(c.title)), `title of case ${c.number} on its opening page`);
        const openerLines = bodyLines(pages[span.firstPage] ?? '', opener);
        const orgAt = openerLines.indexOf(orgLine(c.organization, variant));
        assert.ok(orgAt >= 0, `organisation of case ${c.number} on a line of its own`);
        const titleStart = openerLines.findIndex((l) => c.title.replace(/ /g, '').startsWith(l.replace(/ /g, '')) && l !== '');
        assert.ok(titleStart >= 0, `title of case ${c.number} starts a line`);
        assert.equal(orgAt < titleStart, variant.org === 'above', 'organisation above or below the title');
        if (variant.org !== 'dashes') assert.ok(!openerText.includes(squash(`———${c.organization}`)), 'no dashes');
        if (c.commentary && variant.commentary !== 'end')
          assert.ok(openerLines.includes(signatureLine(c.commentary.signature, variant)), 'signature line');
        const label =
          variant.caseLabel === 'label' ? `案例 ${c.number}` : variant.caseLabel === 'number' ? String(c.number) : null;
        if (label !== null) assert.equal(openerLines[titleStart - 2], label, 'label above the title');
        if (variant.titles === 'threeLines') {
          assert.deepEqual(openerLines.slice(titleStart, titleStart + 3).join(' '), c.title, 'a title of three lines');
        }
        const lines: string[] = [];
        for (let p = span.firstPage; p <= span.lastPage; p++) lines.push(...bodyLines(pages[p] ?? '', layout.pages[p] as Page));
        const body = squash(lines.join(''));
        for (const s of c.sections) {
          if (s.heading !== null) assert.ok(lines.includes(s.heading), `heading ${s.heading} on a line of its own`);
          for (const para of s.paragraphs) assert.ok(body.includes(squash(para)), `paragraph of case ${c.number}`);
        }
        const lastSection = c.sections.at(-1);
        const lastPara = squash(lastSection?.paragraphs.at(-1) ?? '');
        for (const para of c.commentary?.paragraphs ?? []) {
          // At the end: the box follows the case's last paragraph, with its signature.
          if (variant.commentary === 'end') {
            const at = body.indexOf(squash(para));
            assert.ok(at > body.indexOf(lastPara), 'commentary after the body');
            const sig = squash(signatureLine(c.commentary?.signature ?? '', variant));
            assert.ok(body.indexOf(sig, at) > at, 'its signature after it');
          } else assert.ok(openerText.includes(squash(para)), 'commentary');
        }
        // (Run on, the opener page may end the previous case with its box.)
        if (variant.commentary === 'end' && variant.caseStart !== 'runOn') {
          assert.ok(!openerText.includes('〔组织点评〕'), 'no box on the opener page');
        }
        if (c.commentary && variant.commentary !== 'end') assert.ok(openerLines.includes(variant.boxLabel), 'box label');
        if (variant.commentary === 'none') assert.equal(c.commentary, null);
        if (variant.caseStart === 'odd') assert.equal((c.printedPages[0] ?? 0) % 2, 1, 'opens on an odd page');
        const next = truth.cases[i + 1];
        if (next && variant.caseStart !== 'runOn')
          assert.ok(next.printedPages[0] > c.printedPages[1], 'the next case opens a page');
        if (variant.tail === 'oneLine') {
          assert.equal(
            bodyLines(pages[span.lastPage] ?? '', layout.pages[span.lastPage] as Page).filter((l) => l !== '').length,
            1,
            'last page holds one line',
          );
        }
        if (variant.running === 'headerFooter') {
          for (let p = span.firstPage; p <= span.lastPage; p++) {
            const page = layout.pages[p] as Page;
            const printed = (pages[p] ?? '').trimEnd().split('\n');
            assert.equal(printed[0], BOOK_TITLE, 'header');
            assert.equal(printed.at(-1), `${c.title} ${String(page.printed).padStart(3, '0')}`, 'footer');
          }
        }
        if (variant.headings === 'runIn') {
          const headings = c.sections.map((s) => s.heading);
          assert.ok(
            headings.every((h, k) => (k === 0 ? h === null : h === '获奖情况')),
            'run-in: no heading lines but 获奖情况',
          );
          const leads = c.sections[0]?.paragraphs.filter((p) => /^[一二三四五六七八九十]是[^。]+。/.test(p)) ?? [];
          assert.ok(leads.length >= 3, 'run-in lead sentences open paragraphs');
          const bold = layout.pages
            .slice(span.firstPage, span.lastPage + 1)
            .flatMap((p) => p.blocks)
            .filter((b) => b.k === 'line' && b.line.lead !== undefined);
          assert.equal(bold.length, leads.length, 'each lead set in bold');
        }
        if (variant.headings === 'parenNumbered') {
          const headed = c.sections.filter((s) => s.heading !== null && s.heading !== '获奖情况');
          assert.ok(
            headed.every((s, k) => s.heading?.startsWith(`（${'一二三四五六七八九十'[k]}）`)),
            'numbered （一）（二）…',
          );
        }
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

  test('paragraphs run over page breaks (a page ends on a full line, not a paragraph’s end)', () => {
    for (const name of ['seed', 'headingsRunIn', 'casesRunOn']) {
      const { layout } = variantVolume(CASES, SEED, VARIANTS[name]);
      const split = layout.pages.filter((p) => {
        const last = p.blocks.at(-1);
        return p.kind === 'case' && last?.k === 'line' && last.line.justify;
      });
      assert.ok(split.length >= 3, `${name}: paragraphs split over a page break`);
    }
  });

  test('run-on cases: a page ends one case and opens the next, and the opener stays on one page', () => {
    const { text, truth, layout } = variantVolume(CASES, SEED, VARIANTS.casesRunOn);
    const shared = truth.cases.slice(1).filter((c, i) => c.printedPages[0] === truth.cases[i]?.printedPages[1]);
    assert.ok(shared.length >= 2, 'cases open on the page where the previous one ends');
    const pages = text.split('\f');
    truth.cases.forEach((c, i) => {
      const p = layout.pages[layout.cases[i]?.firstPage ?? -1];
      const kinds = p?.blocks.map((b) => b.k) ?? [];
      assert.ok(kinds.includes('caseTitle') && kinds.includes('caseOrg'), `opener of case ${c.number} on one page`);
      assert.ok(squash(pages[layout.cases[i]?.firstPage ?? -1] ?? '').includes(squash(c.title)));
    });
  });

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
