// `dashboard:volume` latency on generated volumes of 100 and 1,000 cases (~3,000 characters each),
// every case signed through a few stages by rotating people on different days, with autosaves and
// notes: the first call (suspects counted from every case's text) and later ones (counted again only
// for changed cases), through the dispatcher as the UI calls it. Prints figures; asserts nothing.
import type { Block } from '../../shared/model/caseDoc.ts';
import {
  addNote,
  appendEvent,
  createCase,
  createVolume,
  getCase,
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
  } finally {
    await app.done();
  }
}
