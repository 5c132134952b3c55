import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isLarger, isSignatureLike, isTitleLike, linesGeometry } from '../../../../shared/import/geometry.ts';
import { ocrRawPages, ocrText } from '../../../../shared/import/ocrPages.ts';
import type { RawPage } from '../../../../shared/import/types.ts';
import { OcrPage, type OcrBox } from '../../../../shared/model/ocr.ts';

// Real OCR output of the seed scan (tests/fixtures/ocr-import/README.md): page 1 (foreword), 6 (case
// opener) and 7 (body with headings), 150 dpi.
const fixture = (n: number): OcrPage =>
  OcrPage.parse(
    JSON.parse(readFileSync(new URL(`../../../fixtures/ocr-import/excerpt-scan-p${n}.json`, import.meta.url), 'utf8')),
  );
const [p1, p6, p7] = [fixture(1), fixture(6), fixture(7)];

const lineIndex = (page: RawPage, start: string): number => {
  const i = page.lines.findIndex((l) => l.startsWith(start));
  assert.ok(i >= 0, `no line starting ${start}`);
  return i;
};

/** The page turned by `angle` radians about its centre, as a scanner would have fed it (boxes stay axis-aligned). */
function rotated(page: OcrPage, angle: number): OcrPage {
  const cx = page.width / 2;
  const cy = page.height / 2;
  const turn = (x: number, y: number): [number, number] => [
    cx + (x - cx) * Math.cos(angle) - (y - cy) * Math.sin(angle),
    cy + (x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle),
  ];
  const box = (b: readonly number[]): OcrBox => {
    const [x0, y0] = turn(b[0]!, (b[1]! + b[3]!) / 2);
    const [x1, y1] = turn(b[2]!, (b[1]! + b[3]!) / 2);
    const h = (b[3]! - b[1]!) / 2;
    return [x0, Math.min(y0, y1) - h, x1, Math.max(y0, y1) + h];
  };
  return {
    ...page,
    lines: page.lines.map((l) => {
      const chars: number[] = [];
      for (let i = 0; i < l.chars.length; i += 5) chars.push(...box(l.chars.slice(i, i + 4)), l.chars[i + 4]!);
      return { ...l, box: box(l.box), baseline: turn(l.box[0], l.baseline)[1], chars };
    }),
  };
}

/** The page as read at `k` times its resolution. */
function scaled(page: OcrPage, k: number): OcrPage {
  return {
    ...page,
    width: page.width * k,
    height: page.height * k,
    dpi: page.dpi * k,
    lines: page.lines.map((l) => ({
      ...l,
      box: l.box.map((v) => v * k) as OcrBox,
      baseline: l.baseline * k,
      height: l.height * k,
      chars: l.chars.map((v, i) => (i % 5 === 4 ? v : v * k)),
    })),
  };
}

describe('OCR pages into raw pages', () => {
  test('each OCR line becomes a line with its box, in points; startLine counts lines over pages', () => {
    const pages = ocrRawPages([p1, p6, p7]);
    assert.equal(pages.length, 3);
    pages.forEach((page, i) => {
      const ocr = [p1, p6, p7][i]!;
      // Line for line: a block's source lines lead back to OCR's boxes and confidences.
      assert.deepEqual(
        page.lines,
        ocr.lines.map((l) => l.text.trim()),
      );
      assert.equal(page.boxes?.length, page.lines.length);
      // 150 dpi: a pixel is 0.48 pt.
      assert.deepEqual(page.size, { width: Math.round(ocr.width * 48) / 100, height: Math.round(ocr.height * 48) / 100 });
      for (const b of page.boxes!) {
        assert.ok(b.x0 >= 0 && b.x1 <= page.size!.width && b.x0 < b.x1, JSON.stringify(b));
        assert.ok(b.baseline > 0 && b.baseline <= page.size!.height, JSON.stringify(b));
        assert.equal(b.bold, false);
      }
      assert.equal(
        page.startLine,
        pages.slice(0, i).reduce((n, p) => n + p.lines.length, 0),
      );
    });
  });

  test('the body type size is the measured character pitch (the seed sets its body in 3.3 mm = 9.35 pt)', () => {
    const pages = ocrRawPages([p1, p6, p7]);
    const body = pages[2]!.boxes![lineIndex(pages[2]!, '3个支部')]!;
    assert.ok(Math.abs(body.fontSize - 9.35) < 0.3, `body ${body.fontSize} pt`);
    // One size per size of type: every full body line of page 7 carries the same size.
    const sizes = new Set(pages[2]!.boxes!.filter((b) => b.x1 - b.x0 > 300).map((b) => b.fontSize));
    assert.equal(sizes.size, 1, [...sizes].join(', '));
  });

  test('the geometry rules read the scan: title, byline, indents, headings, organisation', () => {
    const pages = ocrRawPages([p1, p6, p7]);
    const geo = linesGeometry(pages);
    const at = (page: number, start: string) => geo[page]![lineIndex(pages[page]!, start)]!;

    const foreword = at(0, '学习先进典型');
    assert.ok(isTitleLike(foreword), JSON.stringify(foreword));
    assert.ok(at(0, '中共甘肃省委书记').centred);
    // First lines indented two ems, the others flush with the column.
    for (const start of ['创先争优活动开展以来', '要在凝心聚力']) {
      const g = at(0, start);
      assert.ok(g.indentEm > 1.5 && g.indentEm < 2.5, `${start}: indent ${g.indentEm}`);
    }
    for (const start of ['绕中心工作', '经济转型跨越']) assert.ok(Math.abs(at(0, start).indentEm) < 0.5, start);
    // The paragraph's last line stops short of the column.
    assert.ok(at(0, '省经济社会发展提供').rightGapEm > 10);

    const title = at(1, '开设“民情论坛” 打造和谐家园');
    assert.ok(isTitleLike(title) && title.size > 1.5, JSON.stringify(title));
    assert.ok(isSignatureLike(at(1, '-一一兰州市西固区')), 'organisation flush right');
    assert.ok(at(1, '康乐路社区党总支始终').size < 0.95, 'the comment box is set smaller');

    // Headings: centred, larger, set apart (by about 1.5 lines: the rules weigh that against their size).
    for (const start of ['“民情论坛”连民心', '便民服务暖民心']) {
      const g = at(2, start);
      assert.ok(g.centred && isLarger(g) && g.spaceAbove > 1.4, `${start}: ${JSON.stringify(g)}`);
    }
  });

  test('a page scanned askew measures as when straight', () => {
    const straight = ocrRawPages([p7])[0]!;
    for (const angle of [0.025, -0.025]) {
      const turned = ocrRawPages([rotated(p7, angle)])[0]!;
      assert.deepEqual(turned.lines, straight.lines);
      turned.boxes!.forEach((b, i) => {
        const s = straight.boxes![i]!;
        // Within a tenth of an em (the body's 9.35 pt) at either end.
        assert.ok(Math.abs(b.x0 - s.x0) < 0.1 * s.fontSize && Math.abs(b.x1 - s.x1) < 0.1 * s.fontSize, `${angle} line ${i}`);
        assert.ok(Math.abs(b.baseline - s.baseline) < 0.2 * s.fontSize, `${angle} line ${i} baseline`);
      });
      // Without deskewing, the unindented lines' left edge would drift by sin(0.025) × the text's height (≈ 11 pt).
      const xs = turned.boxes!.filter((_, i) => straight.boxes![i]!.x0 < 50).map((b) => b.x0);
      assert.ok(xs.length > 20 && Math.max(...xs) - Math.min(...xs) < 3, `left edges ${Math.min(...xs)}–${Math.max(...xs)}`);
    }
  });

  test('the resolution a page was read at does not change its boxes in points', () => {
    const at150 = ocrRawPages([p6])[0]!;
    const at300 = ocrRawPages([scaled(p6, 2)])[0]!;
    assert.deepEqual(at300.size, at150.size);
    at300.boxes!.forEach((b, i) => {
      const a = at150.boxes![i]!;
      for (const k of ['x0', 'x1', 'baseline', 'fontSize'] as const) assert.ok(Math.abs(b[k] - a[k]) < 0.05, `${k} line ${i}`);
    });
  });

  test('pages with a text layer keep it; OCR fills only the others', () => {
    const textPage: RawPage = {
      index: 0,
      lines: ['目录', '开设“民情论坛” 打造和谐家园……1'],
      startLine: 0,
      boxes: [
        { x0: 190, x1: 230, baseline: 80, fontSize: 14, bold: true },
        { x0: 50, x1: 370, baseline: 110, fontSize: 9.35, bold: false },
      ],
      size: { width: 420, height: 595 },
    };
    const pages = ocrRawPages([null, p6, null], [textPage, { index: 1, lines: [], startLine: 2 }]);
    assert.equal(pages.length, 3);
    assert.deepEqual(pages[0], textPage);
    assert.equal(pages[1]!.index, 1);
    assert.equal(pages[1]!.startLine, 2);
    assert.equal(pages[1]!.lines[0], '【组织点评)');
    // A page neither read nor given is an empty page.
    assert.deepEqual(pages[2], { index: 2, lines: [], startLine: 2 + pages[1]!.lines.length });
  });

  test('a blank OCR line stays (line for line); a line without character boxes keeps its line box', () => {
    const page: OcrPage = {
      ...p6,
      lines: [
        { text: '  ', box: [10, 10, 20, 20], baseline: 19, height: 12, confidence: 0, chars: [] },
        { ...p6.lines[4]!, chars: [] },
      ],
    };
    const [raw] = ocrRawPages([page]);
    assert.deepEqual(raw!.lines, ['', p6.lines[4]!.text]);
    assert.equal(raw!.boxes!.length, 2);
    assert.ok(Math.abs(raw!.boxes![1]!.x0 - p6.lines[4]!.box[0] * 0.48) < 1);
  });

  test('the plain text is the lines, each page ended by a form feed (as Tesseract prints it)', () => {
    const text = ocrText([p6, null]);
    assert.ok(text.startsWith('【组织点评)\n'));
    assert.ok(text.endsWith('001\n\f\f'));
    assert.equal(text.split('\f').length, 3);
  });
});
