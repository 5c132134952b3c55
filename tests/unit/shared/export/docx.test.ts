import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8 } from 'fflate';
import { buildDocx } from '../../../../shared/export/docx.ts';
import { buildExportDocument, entryTexts } from '../../../../shared/export/exportModel.ts';
import { BOOK_PRESET, FACES, GONGWEN_PRESET, mmToTwips } from '../../../../shared/export/docxPresets.ts';
import { attr, child, children, openDocx, paragraphs, pPr, styles } from './ooxml.ts';
import { smallCases } from './fixtures.ts';

const cases = smallCases();
const doc = buildExportDocument('创先争优好做法', cases);
const book = openDocx(await buildDocx(doc, { preset: 'book', pageSize: 'a5' }));
const gongwen = openDocx(await buildDocx(doc, { preset: 'gongwen', pageSize: 'a4' }));

/** The body's paragraphs after the table of contents (the content control). */
function bodyParagraphs(d: typeof book) {
  return paragraphs(d.part('word/document.xml')).filter((p) => p.style !== 'TOC1');
}

describe('DOCX: book preset', () => {
  test('every paragraph of every case, in order, each with a named style', () => {
    const paras = bodyParagraphs(book);
    const [volumeTitle, tocHeading, ...rest] = paras.filter((p) => p.text !== '');
    assert.equal(volumeTitle!.style, 'VolumeTitle');
    assert.equal(tocHeading!.text, '目录');
    const expected = doc.entries.flatMap(entryTexts);
    assert.deepEqual(
      rest.map((p) => p.text),
      expected,
    );
    const used = new Set(rest.map((p) => p.style));
    assert.ok(!used.has(null), 'no paragraph without a style');
    const st = styles(book.part('word/styles.xml'));
    const names = [...used].map((id) => st.get(id!)?.name);
    for (const name of ['标题', '单位', '点评', '点评标签', '点评署名', '小标题', '正文', '获奖标题', '获奖', '日期']) {
      assert.ok(names.includes(name), `style ${name} in use`);
    }
  });

  test('eastAsia fonts and sizes per style: Song body, Hei titles and headings, two-character indent, 1.5 lines', () => {
    const st = styles(book.part('word/styles.xml'));
    const body = st.get('CaseBody')!;
    assert.equal(body.name, '正文');
    assert.equal(body.eastAsia, '宋体');
    assert.equal(body.size, 21, '五号 on A5');
    assert.equal(attr(pPr(body, 'ind'), 'firstLineChars'), '200');
    assert.equal(attr(pPr(body, 'spacing'), 'line'), '360');
    assert.equal(attr(pPr(body, 'spacing'), 'lineRule'), 'auto');
    const title = st.get('CaseTitle')!;
    assert.equal(title.name, '标题');
    assert.equal(title.eastAsia, '黑体');
    assert.equal(attr(pPr(title, 'jc'), 'val'), 'center');
    assert.equal(st.get('CaseHeading')!.eastAsia, '黑体');
    assert.equal(attr(pPr(st.get('Organization')!, 'jc'), 'val'), 'right');
    assert.equal(attr(pPr(st.get('CommentarySignature')!, 'jc'), 'val'), 'right');
    const fonts = book.part('word/fontTable.xml');
    const song = children(fonts, 'font').find((f) => attr(f, 'name') === '宋体')!;
    assert.equal(attr(child(song, 'altName'), 'val'), FACES.song.fallback, 'falls back to Noto Serif CJK SC');
  });

  test('the commentary is a bordered box: label, paragraphs and signature share the same four rules', () => {
    const st = styles(book.part('word/styles.xml'));
    const borders = ['CommentaryLabel', 'Commentary', 'CommentarySignature'].map((id) => {
      const bdr = pPr(st.get(id)!, 'pBdr');
      assert.ok(bdr, `${id} has borders`);
      return ['top', 'left', 'bottom', 'right'].map((side) => {
        const b = child(bdr, side);
        assert.equal(attr(b, 'val'), 'single', `${id} ${side}`);
        return `${attr(b, 'sz')}/${attr(b, 'space')}`;
      });
    });
    assert.deepEqual(borders[0], borders[1]);
    assert.deepEqual(borders[1], borders[2]);
    assert.equal(attr(pPr(st.get('CaseBody')!, 'pBdr'), 'val'), null, 'body text is not boxed');
  });

  test('each entry starts a new page', () => {
    const paras = bodyParagraphs(book).filter((p) => p.text !== '');
    const starts = paras.filter((p) => p.pageBreakBefore).map((p) => p.text);
    assert.deepEqual(starts, ['目录', ...doc.entries.map((e) => entryTexts(e)[0])]);
  });

  test("Word's TOC field over the 标题 style, already filled in with the titles", () => {
    const xml = strFromU8(book.files['word/document.xml']!);
    const instr = children(book.part('word/document.xml'), 'instrText').map((i) => i.textContent ?? '');
    assert.ok(
      instr.some((i) => /^TOC\b.*\\t "标题,1"/.test(i)),
      instr.join(' | '),
    );
    const entries = paragraphs(book.part('word/document.xml'))
      .filter((p) => p.style === 'TOC1')
      .map((p) => p.text.trim());
    assert.deepEqual(
      entries,
      doc.entries.map((e) => e.title),
    );
    assert.match(xml, /w:docPartGallery w:val="Table of Contents"/);
  });

  test('A5 page, page numbers in the footer, none on the title page', () => {
    const sect = children(book.part('word/document.xml'), 'sectPr')[0]!;
    const pgSz = child(sect, 'pgSz');
    assert.equal(attr(pgSz, 'w'), String(mmToTwips(148)));
    assert.equal(attr(pgSz, 'h'), String(mmToTwips(210)));
    assert.ok(child(sect, 'titlePg'), 'different first page');
    const footers = Object.keys(book.files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map((f) => strFromU8(book.files[f]!));
    assert.ok(
      footers.some((f) => /PAGE/.test(f)),
      'a PAGE field in a footer',
    );
  });

  test('A4 sets the book larger', async () => {
    const a4 = openDocx(await buildDocx(doc, { preset: 'book', pageSize: 'a4' }));
    const sect = children(a4.part('word/document.xml'), 'sectPr')[0]!;
    assert.equal(attr(child(sect, 'pgSz'), 'w'), String(mmToTwips(210)));
    assert.equal(styles(a4.part('word/styles.xml')).get('CaseBody')!.size, 24, '小四 on A4');
  });
});

describe('DOCX: 公文 preset (GB/T 9704-2012)', () => {
  test('A4, top 37 mm, left 28 mm, type area 156 × 225 mm, 22 lines of 28 characters', () => {
    const sect = children(gongwen.part('word/document.xml'), 'sectPr')[0]!;
    const pgSz = child(sect, 'pgSz');
    assert.deepEqual([attr(pgSz, 'w'), attr(pgSz, 'h')], ['11906', '16838']);
    const mar = child(sect, 'pgMar');
    assert.equal(attr(mar, 'top'), String(mmToTwips(37)));
    assert.equal(attr(mar, 'left'), String(mmToTwips(28)));
    const typeWidthMm = 210 - 28 - (Number(attr(mar, 'right')) * 25.4) / 1440;
    const typeHeightMm = 297 - 37 - (Number(attr(mar, 'bottom')) * 25.4) / 1440;
    assert.ok(Math.abs(typeWidthMm - 156) < 0.1, `type width ${typeWidthMm}`);
    assert.ok(Math.abs(typeHeightMm - 225) < 0.1, `type height ${typeHeightMm}`);
    const grid = child(sect, 'docGrid');
    assert.equal(attr(grid, 'type'), 'linesAndChars');
    const pitch = Number(attr(grid, 'linePitch'));
    assert.equal(pitch, 579, '28.95 pt');
    assert.equal(Math.floor(((typeHeightMm / 25.4) * 1440) / pitch), 22, '22 lines fit');
    // charSpace: (156 mm / 28 − 16 pt) × 4096, the characters per line for 3号 body text.
    const charPitchPt = 16 + Number(attr(grid, 'charSpace')) / 4096;
    assert.equal(Math.floor(((typeWidthMm / 25.4) * 72) / charPitchPt + 0.01), 28, '28 characters a line');
  });

  test('title 2号 方正小标宋简体, body 3号 仿宋_GB2312, headings 3号 黑体 then 楷体, fixed 28.95 pt lines', () => {
    const st = styles(gongwen.part('word/styles.xml'));
    const check = (id: string, font: string, halfPoints: number) => {
      const s = st.get(id)!;
      assert.equal(s.eastAsia, font, `${id} font`);
      assert.equal(s.size, halfPoints, `${id} size`);
      const spacing = pPr(s, 'spacing');
      assert.equal(attr(spacing, 'lineRule'), 'exact', `${id} exact lines`);
      assert.equal(attr(spacing, 'line'), '579', `${id} line`);
    };
    check('CaseTitle', '方正小标宋简体', 44);
    check('CaseBody', '仿宋_GB2312', 32);
    check('CaseHeading', '黑体', 32);
    check('CaseHeading2', '楷体_GB2312', 32);
    assert.equal(attr(pPr(st.get('CaseBody')!, 'ind'), 'firstLineChars'), '200');
    const fonts = gongwen.part('word/fontTable.xml');
    const alt = (name: string) =>
      attr(
        child(
          children(fonts, 'font').find((f) => attr(f, 'name') === name)!,
          'altName',
        ),
        'val',
      );
    assert.equal(alt('方正小标宋简体'), '宋体', 'falls back to a Song face');
    assert.equal(alt('仿宋_GB2312'), '仿宋');
  });

  test('page numbers 4号 "— 1 —": odd pages right, even pages left', () => {
    const settings = strFromU8(gongwen.files['word/settings.xml']!);
    assert.match(settings, /<w:evenAndOddHeaders(?! w:val="false")/);
    const sect = children(gongwen.part('word/document.xml'), 'sectPr')[0]!;
    const refs = children(sect, 'footerReference');
    const rels = strFromU8(gongwen.files['word/_rels/document.xml.rels']!);
    const footerOf = (type: string) => {
      const id = refs
        .find((r) => attr(r, 'type') === type)!
        .getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return gongwen.part(`word/${target[1] ?? target[2]}`);
    };
    for (const [type, align] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = footerOf(type);
      const p = children(footer, 'p')[0]!;
      assert.equal(attr(child(child(p, 'pPr')!, 'jc'), 'val'), align, `${type} footer`);
      const text = children(footer, 't')
        .map((t) => t.textContent)
        .join('');
      assert.equal(text.replace(/\s/g, ''), '——');
      assert.ok(children(footer, 'instrText').some((i) => /PAGE/.test(i.textContent ?? '')));
      assert.equal(attr(children(footer, 'sz')[0], 'val'), '28', '4号');
    }
    assert.equal(GONGWEN_PRESET.pageNumber.template, '— {n} —');
  });

  test('the same paragraphs as the book, in the same order', () => {
    const text = (d: typeof book) =>
      bodyParagraphs(d)
        .filter((p) => p.text !== '')
        .map((p) => p.text);
    assert.deepEqual(text(gongwen), text(book));
    assert.equal(
      BOOK_PRESET.styles.body.name,
      GONGWEN_PRESET.styles.body.name,
      'same style names: a publisher can switch presets',
    );
  });
});

test('a cancelled build stops', async () => {
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(buildDocx(doc, { preset: 'book', pageSize: 'a5', signal: controller.signal }), /stop/);
});
