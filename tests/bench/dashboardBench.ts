// `dashboard:volume` latency on generated volumes of 100 and 1,000 cases (~3,000 characters each),
// every case signed through a few stages by rotating people on different days, with autosaves and
// notes: the first call (suspects counted from every case's text) and later ones (counted again only
// for changed cases), through the dispatcher as the UI calls it. Then a scanned volume of 350 pages,
// each holding what OCR read (a real page's reading), whose low-confidence characters count too,
// beside the same volume without OCR. Prints figures; asserts nothing.
import fs from 'node:fs';
import type { Block } from '../../shared/model/caseDoc.ts';
import { OcrPage } from '../../shared/model/ocr.ts';
import {
  addNote,
  appendEvent,
  createCase,
  createVolume,
  getCase,
  insertPages,
  saveCase,
  setWord,
  withTransaction,
} from '../../main/store/index.ts';
import { bootTemp, call } from '../integration/services/helpers.ts';
import { makeVolume } from '../fixtures/generator/content.ts';
import { createRng } from '../fixtures/generator/rng.ts';
import { fmt, median, percentile } from './stats.ts';

export const title = 'dashboard: dashboard:volume on 100- and 1,000-case volumes';

const SIZES = [100, 1000];
const WARM_RUNS = 20;
const PEOPLE = ['张三', '李四', '王五', '赵六'];
const STAGES = ['imported', 'review1', 'review2', 'review3', 'proof1', 'proof2'];
const DAY_MS = 86_400_000;

const block = (kind: Block['kind'], text: string): Block => ({ kind, text, page: 0, breaks: [] });

/** `n` cases of generated text, two generated cases' sections each (~3,000 characters). */
function generatedDocs(n: number): Array<{ title: string; blocks: Block[] }> {
  const a = makeVolume(createRng(1), n);
  const b = makeVolume(createRng(2), n);
  return a.cases.map((c, i) => {
    const blocks = [block('title', c.titlePhrases.join(' ')), block('organization', c.organization)];
    for (const s of [...c.sections, ...b.cases[i]!.sections]) {
      if (s.heading) blocks.push(block('heading', s.heading));
      blocks.push(...s.paragraphs.map((p) => block('body', p)));
    }
    return { title: c.titlePhrases.join(' '), blocks };
  });
}

export async function run(): Promise<void> {
  const app = await bootTemp();
  try {
    const db = app.ctx.lib.db;
    const start = Date.UTC(2025, 0, 6, 2);
    for (const size of SIZES) {
      const docs = generatedDocs(size);
      const chars = docs.reduce((n, d) => n + d.blocks.reduce((m, bl) => m + bl.text.length, 0), 0);
      const volumeId = withTransaction(db, () => {
        const vol = createVolume(db, { title: `基准卷 ${size}` });
        docs.forEach((d, i) => {
          const at = (days: number, minutes = 0) => new Date(start + days * DAY_MS + i * 60_000 + minutes * 60_000).toISOString();
          const kase = createCase(db, {
            volumeId: vol.id,
            number: i + 1,
            title: d.title,
            doc: { version: 1, blocks: d.blocks },
            assignee: PEOPLE[i % PEOPLE.length]!,
            who: 'bench',
            at: at(0),
          });
          const passes = 1 + (i % (STAGES.length - 1));
          for (let p = 1; p <= passes; p++) {
            appendEvent(db, {
              caseId: kase.id,
              kind: 'signoff',
              fromStage: STAGES[p - 1]!,
              toStage: STAGES[p]!,
              who: PEOPLE[(i + p) % PEOPLE.length]!,
              at: at(p * 3),
            });
          }
          // Ten autosaves a case, in one sitting.
          let version = kase.version;
          for (let s = 0; s < 10; s++) {
            const current = getCase(db, kase.id);
            const blocks = current.doc.blocks.map((bl, k) => (k === 1 ? { ...bl, text: `${bl.text}${s}` } : bl));
            version = saveCase(db, {
              id: kase.id,
              version,
              doc: { version: 1, blocks },
              who: PEOPLE[i % 4]!,
              at: at(passes * 3 + 1, s),
            }).version;
          }
          if (i % 7 === 0) {
            const blockId = getCase(db, kase.id).doc.blocks[2]!.id!;
            addNote(db, { caseId: kase.id, blockId, body: '核对', author: PEOPLE[0]!, at: at(2) });
          }
        });
        return vol.id;
      });

      const time = async () => {
        const t0 = performance.now();
        await call(app, 'dashboard:volume', { volumeId });
        return performance.now() - t0;
      };
      const cold = await time();
      const warm: number[] = [];
      for (let r = 0; r < WARM_RUNS; r++) warm.push(await time());
      // A word list change counts every case again.
      setWord(db, { word: `基准词${size}`, kind: 'bad', replacement: null }, 'bench');
      const recount = await time();
      console.log(
        `   ${size} cases (${(chars / 1e6).toFixed(2)} M characters): first call ${fmt(cold)} ms, after a word list change ${fmt(recount)} ms (suspects counted from every case), then p50 ${fmt(median(warm))} ms, p95 ${fmt(percentile(warm, 95))} ms over ${WARM_RUNS} calls (counts cached)`,
      );
    }
    await scannedVolumes(app);
  } finally {
    await app.done();
  }
}

const OCR_PAGES = 350;
const PAGES_PER_CASE = 3.5;

/**
 * A scanned volume: every page holds what OCR read on the seed's page 7 (tests/fixtures/ocr-pages/seed-page-6, 28 KB of JSON), every case's body paragraphs
 * are that page's lines (as the import makes them, so each block is found on its page). Timed with
 * the pages' OCR and again, as another volume, without it.
 */
async function scannedVolumes(app: Awaited<ReturnType<typeof bootTemp>>): Promise<void> {
  const db = app.ctx.lib.db;
  const json = fs.readFileSync(new URL('../fixtures/ocr-pages/seed-page-6.ocr.json', import.meta.url), 'utf8');
  const ocr = OcrPage.parse(JSON.parse(json));
  const paragraphs: string[] = [];
  for (let i = 0; i < ocr.lines.length; i += 6)
    paragraphs.push(
      ocr.lines
        .slice(i, i + 6)
        .map((l) => l.text)
        .join(''),
    );
  const cases = Math.round(OCR_PAGES / PAGES_PER_CASE);
  for (const withOcr of [true, false]) {
    const volumeId = withTransaction(db, () => {
      const vol = createVolume(db, { title: withOcr ? '扫描基准卷' : '扫描基准卷（无识别）' });
      insertPages(
        db,
        vol.id,
        Array.from({ length: OCR_PAGES }, (_, index) => ({
          index,
          printedLabel: null,
          rawText: '',
          ...(withOcr ? { ocr } : {}),
        })),
      );
      for (let i = 0; i < cases; i++) {
        const first = Math.floor(i * PAGES_PER_CASE);
        const last = Math.min(OCR_PAGES - 1, Math.floor((i + 1) * PAGES_PER_CASE) - 1);
        const blocks: Block[] = [];
        for (let p = first; p <= last; p++)
          blocks.push(...paragraphs.map((text) => ({ kind: 'body' as const, text, page: p, breaks: [] })));
        createCase(db, { volumeId: vol.id, number: i + 1, title: `扫描案例${i + 1}`, doc: { version: 1, blocks }, who: 'bench' });
      }
      return vol.id;
    });
    const time = async () => {
      const t0 = performance.now();
      await call(app, 'dashboard:volume', { volumeId });
      return performance.now() - t0;
    };
    const cold = await time();
    const warm: number[] = [];
    for (let r = 0; r < WARM_RUNS; r++) warm.push(await time());
    // A new threshold counts every case again.
    const threshold = app.ctx.prefs.get().ocrConfidenceThreshold;
    app.ctx.prefs.set({ ocrConfidenceThreshold: threshold + 1 });
    const recount = await time();
    app.ctx.prefs.set({ ocrConfidenceThreshold: threshold });
    const label = withOcr ? `with OCR (${((json.length * OCR_PAGES) / 1e6).toFixed(1)} MB of OCR JSON)` : 'same text, no OCR';
    console.log(
      `   scanned volume, ${OCR_PAGES} pages, ${cases} cases, ${label}: first call ${fmt(cold)} ms, after a threshold change ${fmt(recount)} ms (every case counted), then p50 ${fmt(median(warm))} ms, p95 ${fmt(percentile(warm, 95))} ms over ${WARM_RUNS} calls (counts cached)`,
    );
  }
}
