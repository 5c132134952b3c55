// The dashboard's suspects left per case on an OCR'd volume (a real library whose pages hold what
// tesseract.js read on two seed scan pages, tests/fixtures/ocr-pages): the count is the editor's list,
// text suspects and low-confidence characters merged the same way, and follows the threshold, edits,
// the word list and a page read again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Block, CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { VolumeDashboard } from '../../../shared/model/dashboard.ts';
import type { Case } from '../../../shared/model/entities.ts';
import { OcrPage } from '../../../shared/model/ocr.ts';
import { blockSuspectOptions } from '../../../shared/proof/caseSuspects.ts';
import { findOcrSuspects, ocrPagesOf, withOcrSuspects } from '../../../shared/proof/ocrSuspects.ts';
import { loadSimplifier } from '../../../shared/proof/simplifier.ts';
import { findSuspects } from '../../../shared/proof/suspects.ts';
import { compileWordList } from '../../../shared/proof/wordList.ts';
import { createCase, createVolume, getCase, insertPages, listWords, saveCase, setWord } from '../../../main/store/index.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

function loadPage(index: number): OcrPage {
  const url = new URL(`../../fixtures/ocr-pages/seed-page-${index}.ocr.json`, import.meta.url);
  return OcrPage.parse(JSON.parse(fs.readFileSync(url, 'utf8')));
}

const page5 = loadPage(5);
const page6 = loadPage(6);
const ocrPages = new Map([
  [5, page5],
  [6, page6],
]);

/** Lines [from, to] of a page joined as the import joins a paragraph's lines. */
const lines = (page: OcrPage, from: number, to: number) =>
  page.lines
    .slice(from, to + 1)
    .map((l) => l.text)
    .join('');

const block = (kind: Block['kind'], text: string, page: number, breaks: Block['breaks'] = []): Block => ({
  kind,
  text,
  page,
  breaks,
});

// Case 001's opener and first body page as OCR read them; one paragraph runs from page 5 onto page 6.
const carried = lines(page5, 3, 3);
const doc: CaseDoc = {
  version: 1,
  blocks: [
    block('commentary', lines(page5, 1, 2), 5),
    block('body', carried + lines(page6, 0, 1), 5, [{ at: carried.length, page: 6 }]),
    block('commentary-signature', lines(page5, 4, 4), 5),
    block('title', lines(page5, 5, 5), 5),
    block('organization', lines(page5, 6, 6), 5),
    block('body', lines(page6, 2, 6), 6),
    block('heading', lines(page6, 7, 7), 6),
    block('body', lines(page6, 8, 17), 6),
  ],
};

/** What the editor's suspect list holds for `doc`, by the shared functions (text suspects, OCR ones merged in). */
async function editorCount(d: CaseDoc, threshold: number, withWords: boolean, db: Booted['ctx']['lib']['db']) {
  const simplify = await loadSimplifier();
  const words = withWords ? compileWordList(listWords(db)) : undefined;
  const pages = ocrPagesOf(ocrPages);
  let merged = 0;
  let text = 0;
  let ocr = 0;
  for (const b of d.blocks) {
    const own = findSuspects(b.text, blockSuspectOptions(b.kind, simplify, words));
    const low = findOcrSuspects(b, pages, threshold);
    merged += withOcrSuspects(own, low).length;
    text += own.length;
    ocr += low.length;
  }
  return { merged, text, ocr };
}

describe('the dashboard counts OCR suspects as the editor lists them', () => {
  let app: Booted;
  let volumeId: number;
  let kase: Case;
  let plain: Case;
  const load = () => call<VolumeDashboard>(app, 'dashboard:volume', { volumeId });
  const countOf = (dash: VolumeDashboard, id: number) => dash.suspects.cases.find((s) => s.case.id === id)?.count ?? 0;

  before(async () => {
    app = await bootTemp();
    const db = app.ctx.lib.db;
    volumeId = createVolume(db, { title: '扫描卷' }).id;
    insertPages(
      db,
      volumeId,
      Array.from({ length: 8 }, (_, index) => ({
        index,
        printedLabel: null,
        rawText: '',
        ...(ocrPages.has(index) ? { ocr: ocrPages.get(index)! } : {}),
      })),
    );
    kase = createCase(db, {
      volumeId,
      number: 1,
      title: '开设“民情论坛” 打造和谐家园',
      doc,
      pageStart: 5,
      pageEnd: 6,
      who: '导入',
    });
    // A case on a page without OCR: only its text suspects (a space between Han characters).
    plain = createCase(db, {
      volumeId,
      number: 2,
      title: '乙案',
      doc: { version: 1, blocks: [block('body', '社区 工作。', 7)] },
      pageStart: 7,
      pageEnd: 7,
      who: '导入',
    });
  });
  after(() => app.done());

  test('at the default threshold: the editor’s count, the low-confidence characters included', async () => {
    const threshold = app.ctx.prefs.get().ocrConfidenceThreshold;
    const want = await editorCount(doc, threshold, false, app.ctx.lib.db);
    assert.ok(want.ocr >= 3, `${want.ocr} OCR suspects at ${threshold}`);
    assert.ok(want.merged > want.text);
    const dash = await load();
    assert.equal(countOf(dash, kase.id), want.merged);
    assert.equal(countOf(dash, plain.id), 1);
  });

  test('a higher threshold finds more; an OCR suspect under a text suspect is counted once; 0 counts none', async () => {
    const db = app.ctx.lib.db;
    app.ctx.prefs.set({ ocrConfidenceThreshold: 95 });
    const at95 = await editorCount(doc, 95, false, db);
    assert.equal(countOf(await load(), kase.id), at95.merged);

    // 落姥点 (姥 read at 84) as a bad word: the word list's suspect takes the OCR one's place.
    setWord(db, { word: '落姥点', kind: 'bad', replacement: '落脚点' }, '甲');
    const both = await editorCount(doc, 95, true, db);
    assert.equal(both.text, at95.text + 1);
    assert.equal(both.ocr, at95.ocr);
    assert.equal(both.merged, at95.merged);
    const dash = await load();
    assert.equal(dash.suspects.wordList, true);
    assert.equal(countOf(dash, kase.id), both.merged);

    app.ctx.prefs.set({ ocrConfidenceThreshold: 0 });
    const none = await editorCount(doc, 0, true, db);
    assert.equal(none.ocr, 0);
    assert.equal(countOf(await load(), kase.id), none.merged);
  });

  test('follows an edit of the case and a page read again', async () => {
    const db = app.ctx.lib.db;
    app.ctx.prefs.set({ ocrConfidenceThreshold: 95 });
    // 姥 corrected: its OCR suspect (and the bad word) are gone.
    const current = getCase(db, kase.id);
    const edited: CaseDoc = {
      ...current.doc,
      blocks: current.doc.blocks.map((b, i) => (i === 0 ? { ...b, text: b.text.replace('落姥点', '落脚点') } : b)),
    };
    saveCase(db, { id: kase.id, version: current.version, doc: edited, who: '乙' });
    const afterEdit = await editorCount(edited, 95, true, db);
    assert.equal(countOf(await load(), kase.id), afterEdit.merged);

    // Page 6 read again, every character now certain (as a re-OCR would store it: the page's mean too).
    const sure: OcrPage = {
      ...page6,
      confidence: 99,
      lines: page6.lines.map((l) => ({ ...l, chars: l.chars.map((v, k) => (k % 5 === 4 ? 99 : v)) })),
    };
    db.prepare('UPDATE pages SET ocr = ? WHERE volume_id = ? AND idx = 6').run(JSON.stringify(sure), volumeId);
    ocrPages.set(6, sure);
    const reread = await editorCount(edited, 95, true, db);
    assert.ok(reread.ocr < afterEdit.ocr, `${reread.ocr} < ${afterEdit.ocr}`);
    assert.equal(countOf(await load(), kase.id), reread.merged);
  });
});
