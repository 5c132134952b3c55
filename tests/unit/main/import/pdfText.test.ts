import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { extractPdfPages, faceOf, finishBox, layoutLines, linesFromRuns } from '../../../../main/import/pdfText.ts';
import type { ExtractedPdf, PlacedText } from '../../../../main/import/pdfText.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';
import type { ImportProgress } from '../../../../shared/import/types.ts';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));

/** A run of full-width text at (x, y), `tracking` em of letter spacing between its glyphs. */
function cjk(str: string, x: number, y: number, size = 10, tracking = 0): PlacedText {
  const n = Array.from(str).length;
  return { str, x, y, size, width: size * (n + (n - 1) * tracking) };
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => err instanceof AppError && err.code === code);
}

describe('linesFromRuns', () => {
  test('joins CJK runs of one baseline without spaces, lines top to bottom', () => {
    const lines = linesFromRuns([cjk('第二行', 0, 80), cjk('党员', 20, 100.3), cjk('社区', 0, 100), cjk('积极', 40, 99.8)]);
    assert.deepEqual(lines, ['社区党员积极', '第二行']);
  });

  test('a one-em gap between phrases becomes one space, justification tracking does not', () => {
    const tracked = [cjk('开设“民情论坛”', 0, 50, 10, 0.07), cjk('打造和谐家园', 10 * (8 + 7 * 0.07) + 10.7, 50, 10, 0.07)];
    assert.deepEqual(linesFromRuns(tracked), ['开设“民情论坛” 打造和谐家园']);
    const spread = [cjk('创先争优', 0, 50, 10, 0.09), cjk('活动', 10 * (4 + 3 * 0.09) + 0.9, 50, 10, 0.09)];
    assert.deepEqual(linesFromRuns(spread), ['创先争优活动']);
  });

  test('Latin words keep their space, digits join CJK', () => {
    const runs: PlacedText[] = [
      { str: '学习Windows', x: 0, y: 10, size: 10, width: 20 + 45 },
      { str: 'XP操作系统', x: 67.5, y: 10, size: 10, width: 14 + 40 },
      { str: '共有居民', x: 0, y: 0, size: 10, width: 40 },
      { str: '1412', x: 40.5, y: 0, size: 10, width: 22.4 },
      { str: '户', x: 63.3, y: 0, size: 10, width: 10 },
    ];
    assert.deepEqual(linesFromRuns(runs), ['学习Windows XP操作系统', '共有居民1412户']);
  });

  test('closes the spaces pdf.js writes into a letter-spaced line', () => {
    const runs: PlacedText[] = [
      { str: '9 8 . 5 % ，比 上 年 提 高', x: 0, y: 0, size: 10, width: 110 },
      cjk('车间组织党员学习', 112, 0, 10, 0.16),
      { str: 'O f f i c e', x: 206, y: 0, size: 10, width: 40 },
    ];
    assert.deepEqual(linesFromRuns(runs), ['98.5%，比上年提高车间组织党员学习Office']);
  });

  test('spaces a TOC line around its dot leader like pdftotext', () => {
    const runs: PlacedText[] = [
      { str: '———兰州大学团委 …………', x: 0, y: 0, size: 10, width: 112.5 },
      { str: '345', x: 118, y: 0, size: 10, width: 16.8 },
    ];
    assert.deepEqual(linesFromRuns(runs), ['———兰州大学团委 ………… 345']);
  });

  test('an untracked line keeps an isolated word space between phrases, in a run or between runs', () => {
    assert.deepEqual(linesFromRuns([{ str: '001 / 拓宽服务领域 创先争优促发展', x: 0, y: 0, size: 10, width: 157 }]), [
      '001 / 拓宽服务领域 创先争优促发展',
    ]);
    const runs = [cjk('融入中心起作用', 0, 0), cjk('行动步步见效', 72.6, 0)];
    assert.deepEqual(linesFromRuns(runs), ['融入中心起作用 行动步步见效']);
    // Spaces between most pairs are spreading, not phrase gaps.
    assert.deepEqual(linesFromRuns([{ str: '创 先 争 优 活 动', x: 0, y: 0, size: 10, width: 70 }]), ['创先争优活动']);
  });

  test('folds radicals, drops whitespace-only runs and fake-bold overprints', () => {
    const runs: PlacedText[] = [
      cjk('\u2F00项', 0, 0),
      { str: ' ', x: 20, y: 0, size: 10, width: 3 },
      cjk('\u2EDA面', 20, 0),
      cjk('\u2EDA面', 20.2, 0),
    ];
    assert.deepEqual(linesFromRuns(runs), ['一项页面']);
  });
});

describe('line boxes and faces', () => {
  const frame = { left: 0, bottom: 0, height: 600 };

  test('a box per line, parallel to the lines: extent, baseline from the top, the largest size', () => {
    const { lines, boxes } = layoutLines([cjk('第二行', 10, 480), cjk('社区', 30, 500), cjk('党员', 50, 500.2, 12)], frame);
    assert.deepEqual(lines, ['社区党员', '第二行']);
    assert.equal(boxes.length, 2);
    assert.deepEqual(
      [boxes[0]!.x0, boxes[0]!.x1, Math.round(boxes[0]!.baseline * 10) / 10, boxes[0]!.fontSize],
      [30, 74, 99.8, 12],
    );
    assert.deepEqual([boxes[1]!.x0, boxes[1]!.baseline], [10, 120]);
  });

  test('bold from the faces: all of a line, only its start (a lead sentence), an overprint (fake bold)', () => {
    const bold = { ...cjk('一是', 0, 100), face: 'bold' as const };
    const lead = layoutLines([bold, cjk('加强领导。', 20, 100)], frame).boxes.map((b) => finishBox(b, true));
    assert.deepEqual([lead[0]!.bold, lead[0]!.boldStart], [false, 2]);
    const all = layoutLines([bold, { ...cjk('加强', 20, 100), face: 'bold' }], frame).boxes.map((b) => finishBox(b, true));
    assert.deepEqual([all[0]!.bold, all[0]!.boldStart], [true, undefined]);
    // The same string printed again 0.3 pt to the right: one text, bold.
    const fake = layoutLines([cjk('小标题', 0, 100), cjk('小标题', 0.3, 100)], frame);
    assert.deepEqual(fake.lines, ['小标题']);
    assert.equal(finishBox(fake.boxes[0]!, true).bold, true);
    // A Hei line is heavy in a book set in Song, not in one set in Hei.
    const hei = layoutLines([{ ...cjk('一、总体要求', 0, 100), face: 'sans' }], frame).boxes[0]!;
    assert.equal(finishBox(hei, true).bold, true);
    assert.equal(finishBox(hei, false).bold, false);
  });

  test('faces from font names: weights, title faces, Hei faces, GBK names', () => {
    assert.equal(faceOf('AAAAAA+NotoSerifCJKsc-Bold'), 'bold');
    assert.equal(faceOf('BAAAAA+NotoSerifCJKsc-Regular'), undefined);
    assert.equal(faceOf('SourceHanSerifSC-Heavy'), 'bold');
    assert.equal(faceOf('FZXBSJW--GB1-0'), 'bold'); // 方正小标宋
    assert.equal(faceOf('HiraMinProN-W6'), 'bold');
    assert.equal(faceOf('SimHei'), 'sans');
    assert.equal(faceOf('FZHTJW--GB1-0'), 'sans'); // 方正黑体
    assert.equal(faceOf('SimSun'), undefined);
    // 黑体 and 宋体 as a PDF written on a Chinese Windows names them: GBK bytes read as Latin-1.
    assert.equal(faceOf('\xba\xda\xcc\xe5'), 'sans');
    assert.equal(faceOf('\xcb\xce\xcc\xe5'), undefined);
    assert.equal(faceOf(undefined), undefined);
  });
});

describe('extractPdfPages', () => {
  test('line boxes of the generated volume: bold headings, the framed 〔组织点评〕 box, the larger title', async () => {
    const { pages } = await extractPdfPages(fixture('generated/small.pdf'));
    for (const p of pages) {
      if (p.lines.length === 0) continue;
      assert.equal(p.boxes?.length, p.lines.length, `page ${p.index}: a box per line`);
      assert.ok(p.size && Math.round(p.size.width) === 420 && Math.round(p.size.height) === 595);
    }
    const find = (text: string) => {
      for (const p of pages) {
        const i = p.lines.indexOf(text);
        if (i >= 0) return p.boxes![i]!;
      }
      throw new Error(`no line ${text}`);
    };
    const body = find('局机关扎实推进“三级联创”活动，取得了明显成效。局机关全年累计投');
    assert.deepEqual([body.bold, body.framed], [false, undefined]);
    const heading = find('“一站式服务”暖人心');
    assert.equal(heading.bold, true);
    assert.ok(heading.fontSize > body.fontSize * 1.1);
    const title = find('小支部撬动大发展');
    assert.ok(title.bold && title.fontSize > body.fontSize * 1.8);
    assert.equal(find('〔组织点评〕').framed, true);
    assert.equal(find('———中共酒泉市肃州区委组织部').framed, true);
    assert.equal(find('———酒泉市肃州区卫生局党支部').framed, undefined);
    // The footer's page number is bold, its title not: neither all bold nor a bold start.
    const footer = find('小支部撬动大发展 001');
    assert.deepEqual([footer.bold, footer.boldStart], [false, undefined]);
  });

  test('reads the generated volume exactly as pdftotext does (small.txt), page by page', async () => {
    const extracted = await extractPdfPages(fixture('generated/small.pdf'));
    const pdftotext = readFileSync(new URL('../../../fixtures/generated/small.txt', import.meta.url), 'utf8')
      .split('\f')
      .slice(0, -1)
      .map((page) => page.split('\n').filter((l) => l.trim() !== ''));
    assert.equal(extracted.pageCount, pdftotext.length);
    assert.equal(extracted.hasText, true);
    assert.deepEqual(
      extracted.pages.map((p) => p.lines),
      pdftotext,
    );
  });

  test('pages carry index and running startLine', async () => {
    const { pages } = await extractPdfPages(fixture('seed/excerpt.pdf'));
    assert.equal(pages.length, 9);
    let line = 0;
    pages.forEach((p, i) => {
      assert.equal(p.index, i);
      assert.equal(p.startLine, line);
      line += p.lines.length;
    });
    assert.equal(pages[0]?.lines[0], '学习先进典型 争创一流业绩');
    assert.ok(pages[3]?.lines.includes('091 / 创先争优促发展 立足岗位作贡献'));
    assert.ok(
      pages.every((p) => p.lines.every((l) => !/[\u2E80-\u2FDF]/u.test(l))),
      'no radicals left',
    );
  });

  test('reports progress per page', async () => {
    const seen: ImportProgress[] = [];
    const { pageCount } = await extractPdfPages(fixture('seed/excerpt.pdf'), { onProgress: (p) => seen.push(p) });
    assert.deepEqual(seen.at(-1), { phase: 'pdf', done: pageCount, total: pageCount });
    assert.deepEqual(
      seen.map((p) => p.done),
      Array.from({ length: pageCount + 1 }, (_, i) => i),
    );
  });

  test('an image-only scan has pages but no text', async () => {
    const extracted = await extractPdfPages(fixture('seed/excerpt-scan.pdf'));
    assert.equal(extracted.pageCount, 9);
    assert.equal(extracted.hasText, false);
    assert.ok(extracted.pages.every((p) => p.lines.length === 0));
  });

  test('a password-protected PDF is IMPORT_PDF_ENCRYPTED', async () => {
    await rejectsWith(extractPdfPages(fixture('generated/encrypted.pdf')), 'IMPORT_PDF_ENCRYPTED');
  });

  test('bytes that are not a PDF are IMPORT_PDF_BROKEN', async () => {
    await rejectsWith(extractPdfPages(new TextEncoder().encode('第一页\f第二页')), 'IMPORT_PDF_BROKEN');
    await rejectsWith(extractPdfPages(new Uint8Array(0)), 'IMPORT_PDF_BROKEN');
  });

  test('accepts a Node Buffer and leaves it usable', async () => {
    const bytes = readFileSync(new URL('../../../fixtures/seed/excerpt.pdf', import.meta.url));
    const size = bytes.byteLength;
    assert.equal((await extractPdfPages(bytes)).pageCount, 9);
    assert.equal(bytes.byteLength, size);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('an aborted signal cancels, before and during extraction', async () => {
    const before = new AbortController();
    before.abort();
    await rejectsWith(extractPdfPages(fixture('seed/excerpt.pdf'), { signal: before.signal }), 'CANCELLED');
    const during = new AbortController();
    const seen: number[] = [];
    const run = extractPdfPages(fixture('generated/small.pdf'), {
      signal: during.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done === 2) during.abort();
      },
    });
    await rejectsWith(run, 'CANCELLED');
    assert.equal(Math.max(...seen), 2);
  });

  test('works inside a worker thread', async () => {
    const worker = new Worker(new URL('./pdfTextWorker.fixture.ts', import.meta.url), {
      workerData: fixture('seed/excerpt.pdf'),
    });
    const extracted = await new Promise<ExtractedPdf>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const inProcess = await extractPdfPages(fixture('seed/excerpt.pdf'));
    assert.deepEqual(extracted, inProcess);
  });
});
