import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isHeadingLike,
  isSignatureLike,
  isTitleLike,
  linesGeometry,
  pageGeometry,
  volumeGeometry,
} from '../../../../shared/import/geometry.ts';
import { buildPageLines } from '../../../../shared/import/lines.ts';
import { buildUnits } from '../../../../shared/import/paragraphs.ts';
import { ChangeLog } from '../../../../shared/import/changeLog.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import type { LineBox, LineGeo, RawPage } from '../../../../shared/import/types.ts';

// A synthetic book: body 10 pt, 15 pt leading, a 30-em column from x = 50 (even pages) or 60 (odd).
const SIZE = 10;
const PITCH = 15;
const WIDTH = 30;
const leftOf = (page: number): number => (page % 2 === 0 ? 50 : 60);

/** A printed line: its text, and where it sits (in ems of the body, unless `size` says otherwise). */
interface Spec {
  text: string;
  /** Left indent in ems (default 0). */
  indent?: number;
  /** Width in ems (default: to the right margin). */
  width?: number;
  /** Centred in the column (width from `width`). */
  centre?: boolean;
  size?: number;
  bold?: boolean;
  boldStart?: number;
  /** Extra lines of space above (default 0). */
  gap?: number;
  framed?: boolean;
}

function page(index: number, specs: (Spec | string)[], startLine = 0): RawPage {
  const left = leftOf(index);
  let baseline = 60;
  const boxes: LineBox[] = [];
  const lines: string[] = [];
  specs.forEach((raw, i) => {
    const s = typeof raw === 'string' ? { text: raw } : raw;
    const size = s.size ?? SIZE;
    if (i > 0) baseline += PITCH * (1 + (s.gap ?? 0)) * (size / SIZE);
    const indent = s.indent ?? 0;
    const width = s.width ?? WIDTH - indent;
    const x0 = s.centre ? left + ((WIDTH - width) / 2) * SIZE : left + indent * SIZE;
    const box: LineBox = { x0, x1: x0 + width * SIZE, baseline, fontSize: size, bold: s.bold ?? false };
    if (s.boldStart !== undefined) box.boldStart = s.boldStart;
    if (s.framed) box.framed = true;
    boxes.push(box);
    lines.push(s.text);
  });
  return { index, lines, startLine, boxes, size: { width: 420, height: 595 } };
}

/** `n` full body lines of running text. */
const body = (n: number): string[] =>
  Array.from({ length: n }, () => '创先争优活动开展以来党组织和广大党员紧紧围绕中心工作争先进创优秀');

function geoOf(partial: Partial<LineGeo>): LineGeo {
  return { size: 1, bold: false, indentEm: 0, rightGapEm: 0, centred: false, flushRight: false, spaceAbove: 1, ...partial };
}

describe('volume geometry', () => {
  test('body size is the size most characters are set in; pitch and columns come from body lines', () => {
    const pages = [
      page(0, [{ text: '案例标题', size: 20, centre: true, width: 8, bold: true }, ...body(6)]),
      page(1, [{ text: '小节', size: 10.6, bold: true, centre: true, width: 2 }, ...body(8)]),
    ];
    const vol = volumeGeometry(pages)!;
    assert.equal(vol.bodySize, SIZE);
    assert.ok(Math.abs(vol.pitch - PITCH) < 0.5, `pitch ${vol.pitch}`);
    assert.deepEqual([Math.round(vol.even.left), Math.round(vol.even.right)], [50, 350]);
    assert.deepEqual([Math.round(vol.odd.left), Math.round(vol.odd.right)], [60, 360]);
  });

  test('no boxes, no geometry', () => {
    assert.equal(volumeGeometry([{ index: 0, lines: ['一'], startLine: 0 }]), null);
    assert.deepEqual(linesGeometry([{ index: 0, lines: ['一'], startLine: 0 }]), [[]]);
  });

  test('each line against its page column: indent, right gap, centring, flush right, space above, size', () => {
    const p = page(1, [
      { text: '一站式服务暖人心', size: 12, bold: true, centre: true, width: 8 },
      { text: '首行缩进的第一行', indent: 2 },
      ...body(3),
      { text: '短的末行。', width: 5 },
      { text: '———某某党委', indent: 20, width: 9 },
      { text: '另起一段', indent: 2, gap: 1 },
      { text: '一是加强领导。', boldStart: 7, indent: 2 },
    ]);
    const vol = volumeGeometry([p, page(0, body(8))])!;
    const g = pageGeometry(p, vol);
    assert.equal(g.length, p.lines.length);
    assert.equal(g[0]!.size, 1.2);
    assert.ok(g[0]!.centred && g[0]!.bold && !g[0]!.flushRight);
    assert.ok(Math.abs(g[1]!.indentEm - 2) < 0.01 && g[1]!.rightGapEm < 0.01 && !g[1]!.centred);
    assert.ok(Math.abs(g[5]!.rightGapEm - 25) < 0.01);
    assert.ok(g[6]!.flushRight && !g[6]!.centred, 'a name set to the right');
    assert.ok(Math.abs(g[7]!.spaceAbove - 2) < 0.05, `space above ${g[7]!.spaceAbove}`);
    assert.ok(Math.abs(g[2]!.spaceAbove - 1) < 0.05);
    assert.equal(g[8]!.boldStart, 7);
  });
});

describe('predicates', () => {
  test('titles: much larger and centred (or bold), or bold, centred and a little larger; never body text', () => {
    assert.ok(isTitleLike(geoOf({ size: 1.9, centred: true, indentEm: 8, rightGapEm: 8 })));
    assert.ok(isTitleLike(geoOf({ size: 1.1, bold: true, centred: true })));
    assert.ok(!isTitleLike(geoOf({ size: 1, bold: true, centred: true })), 'a bold centred heading at body size');
    assert.ok(!isTitleLike(geoOf({ size: 1.4 })), 'a larger line flush left, not bold');
    assert.ok(!isTitleLike(undefined));
  });

  test('headings: bold lines of their own, or larger with space above; a bold lead running on is not one', () => {
    assert.ok(isHeadingLike(geoOf({ bold: true, rightGapEm: 12 })));
    assert.ok(isHeadingLike(geoOf({ size: 1.2, spaceAbove: 1.8 })));
    assert.ok(!isHeadingLike(geoOf({ size: 1.2, spaceAbove: 1.2 })), 'larger type, ordinary leading');
    assert.ok(!isHeadingLike(geoOf({ size: 1.25, spaceAbove: 1.3 }), undefined, 1.23), 'a foreword set larger than the cases');
    assert.ok(!isHeadingLike(geoOf({ bold: true, indentEm: 2 }), geoOf({ boldStart: 6 })), 'a lead sentence over a full line');
    assert.ok(!isHeadingLike(geoOf({})));
  });

  test('signatures and organisations are set flush right', () => {
    assert.ok(isSignatureLike(geoOf({ indentEm: 18, rightGapEm: 1, flushRight: true })));
    assert.ok(!isSignatureLike(geoOf({ indentEm: 8, rightGapEm: 8, centred: true })));
    assert.ok(!isSignatureLike(undefined));
  });
});

describe('lines and paragraphs with geometry', () => {
  const log = (): ChangeLog => new ChangeLog();
  const build = (pages: RawPage[]) => buildPageLines(pages, log(), { vocabulary: DEFAULT_VOCABULARY }).flatMap((p) => p.lines);
  const units = (pages: RawPage[], headings = true) =>
    buildUnits(build(pages), { fullWidth: WIDTH, headings, isCaption: () => false }).map((u) => [u.kind, u.lines.length]);

  test('each cleaned line keeps the geometry of the printed line it came from (dropped and split lines aside)', () => {
    const p = page(0, [
      { text: '〔组织点评〕某党支部始终把', indent: 2 },
      { text: '……………………' }, // garbage only: dropped
      ...body(6),
      { text: '末行。', width: 3 },
    ]);
    const lines = build([p]);
    assert.equal(lines[0]!.text, '〔组织点评〕');
    assert.ok(lines[0]!.geo && Math.abs(lines[0]!.geo.indentEm - 2) < 0.01);
    assert.equal(lines[1]!.geo, undefined, 'the text after a label has no box of its own');
    const last = lines[lines.length - 1]!;
    assert.equal(last.text, '末行。');
    assert.ok(last.geo && Math.abs(last.geo.rightGapEm - 27) < 0.01);
  });

  test('a paragraph ending on a full line at a page end: the next page’s first-line indent decides', () => {
    // The text alone cannot tell: the page ends on a full line with a full stop, and the next page
    // opens with a short line. Only the indent says whether a paragraph starts there.
    const end = '党员们说这样的好干部我们信得过群众得到了实实在在的实惠和好处。';
    const first = page(0, [{ text: body(1)[0]!, indent: 2, width: 28 }, ...body(6), end]);
    const indented = page(
      1,
      [
        { text: '完。', indent: 2, width: 2 },
        { text: '另一段开始了', indent: 2, width: 6 },
      ],
      8,
    );
    const runOn = page(
      1,
      [
        { text: '完。', width: 2 },
        { text: '另一段开始了', indent: 2, width: 6 },
      ],
      8,
    );
    assert.deepEqual(units([first, indented], false), [
      ['paragraph', 8],
      ['paragraph', 1],
      ['paragraph', 1],
    ]);
    assert.deepEqual(units([first, runOn], false), [
      ['paragraph', 9],
      ['paragraph', 1],
    ]);
    // Without boxes the text-shape rules run the first page's paragraph on in both cases.
    const strip = (p: RawPage): RawPage => ({ index: p.index, lines: p.lines, startLine: p.startLine });
    assert.deepEqual(
      buildUnits(build([strip(first), strip(indented)]), { fullWidth: WIDTH, headings: false, isCaption: () => false }).map(
        (u) => u.lines.length,
      ),
      [9, 1],
    );
  });

  test('a bold line of its own is a heading even when it ends with a full stop; a bold lead sentence is not', () => {
    const p = page(0, [
      { text: body(1)[0]!, indent: 2, width: 28 },
      ...body(4),
      { text: '段落结束。', width: 5 },
      { text: '一、加强组织领导，夯实基础。', bold: true, centre: true, width: 14 },
      { text: '一是加强领导，做到了任务到人、责任到岗、措施到位、成效到户，', bold: true, indent: 2, width: 28 },
      { text: '群众满意。后面是正文的其余部分也很长很长很长', boldStart: 5 },
      { text: '结束。', width: 3 },
    ]);
    assert.deepEqual(units([p]), [
      ['paragraph', 6],
      ['heading', 1],
      ['paragraph', 3],
    ]);
  });

  test('a line short of the column ends its paragraph unless what opens the next line would not have fitted', () => {
    const p = page(0, [
      { text: body(1)[0]!, indent: 2, width: 28 },
      { text: '村组织党员学习Office办公软件和', width: 26.5 }, // "Windows" (≈ 3.5 em) did not fit
      { text: 'Windows XP操作系统，赢得了群众的信任和支持，我们都说这样的干部好' },
      { text: '末尾没有标点的短行', width: 9 }, // short: ends although no full stop
      { text: '下一段没有缩进的首行也照样另起一段啊啊啊啊啊啊啊啊啊啊啊啊啊' },
      { text: '完。', width: 2 },
    ]);
    assert.deepEqual(units([p], false), [
      ['paragraph', 4],
      ['paragraph', 2],
    ]);
  });

  test('a framed box in smaller type inside the run keeps its own measure: its lines are not all first lines', () => {
    const box = (text: string, indent: number, width: number): Spec => ({ text, indent, width, size: 9, framed: true });
    const p = page(0, [
      { text: body(1)[0]!, indent: 2, width: 28 },
      ...body(3),
      { text: '段落结束。', width: 5 },
      box('框内第一段的第一行，缩进两个字', 3.3, 25.5),
      box('框内第一段的第二行，满行满行满行满行满行', 1.5, 27.3),
      box('框内第一段的第三行，满行满行满行满行满行', 1.5, 27.3),
      box('末行。', 1.5, 3),
      box('框内第二段的第一行，缩进两个字', 3.3, 25.5),
      box('完。', 1.5, 2),
      { text: body(1)[0]!, indent: 2, width: 28 },
      { text: '完。', width: 2 },
    ]);
    assert.deepEqual(units([p], false), [
      ['paragraph', 5],
      ['paragraph', 4],
      ['paragraph', 2],
      ['paragraph', 2],
    ]);
  });

  test('a flush-right line (a signature, a date) stands apart from the paragraph above it', () => {
    const p = page(0, [
      { text: body(1)[0]!, indent: 2, width: 28 },
      ...body(3),
      { text: '这样的好干部，我们信得过群众满意啊啊啊啊啊啊啊啊啊啊啊啊啊，' },
      { text: '———中共某某县委组织部', indent: 19, width: 11 },
    ]);
    assert.deepEqual(units([p], false), [
      ['paragraph', 5],
      ['paragraph', 1],
    ]);
  });
});
