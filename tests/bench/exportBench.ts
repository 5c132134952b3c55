// Export throughput on a generated 100-case volume (tests/fixtures/generator's content, stored in a real
// library): DOCX through the export service next to pandoc converting the same content from Markdown to
// DOCX in the same run (ratio printed), EPUB and PDF export times, and peak memory per phase.
// Prints figures against the aims; asserts nothing about time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Block } from '../../shared/model/caseDoc.ts';
import { buildExportDocument, documentChars } from '../../shared/export/exportModel.ts';
import { documentMarkdown } from '../../shared/export/markdown.ts';
import type { ExportFormat, ExportRequest } from '../../shared/model/export.ts';
import { exportToPath } from '../../main/services/exportService.ts';
import { createCase, createVolume, getCase, listCases, withTransaction } from '../../main/store/index.ts';
import { bootTemp } from '../integration/services/helpers.ts';
import { makeVolume } from '../fixtures/generator/content.ts';
import { createRng } from '../fixtures/generator/rng.ts';
import { median } from './stats.ts';
import { mb, ms, RssTracker } from './memory.ts';

export const title = 'export: a 100-case volume to DOCX (vs pandoc), EPUB and PDF';

const CASES = 100;
const SEED = 1;
const DOCX_RUNS = 5;
const PANDOC_RUNS = 3;
const EPUB_RUNS = 3;
const PDF_RUNS = 2;
const AIM_DOCX_RATIO = 1;

const rss = new RssTracker();

const block = (kind: Block['kind'], text: string): Block => ({ kind, text, page: 0, breaks: [] });

/**
 * The generator's logical volume as stored case documents: a foreword, then 100 cases. A generated case
 * averages ~1,500 characters; each case here also carries the sections of the same-numbered case of a
 * second seed, which brings the volume to the ~300,000 characters of a real one.
 */
function generatedCases(): Array<{ number: number | null; title: string; organization: string; blocks: Block[] }> {
  const v = makeVolume(createRng(SEED), CASES);
  const extra = makeVolume(createRng(SEED + 1), CASES);
  const fw = v.foreword;
  const foreword = {
    number: null,
    title: fw.titlePhrases.join(' '),
    organization: `${fw.byline.role} ${fw.byline.name}`,
    blocks: [
      block('title', fw.titlePhrases.join(' ')),
      block('organization', `${fw.byline.role} ${fw.byline.name}`),
      ...fw.paragraphs.map((p) => block('body', p)),
      block('other', fw.date),
    ],
  };
  const cases = v.cases.map((c) => {
    const blocks = [block('title', c.titlePhrases.join(' ')), block('organization', c.organization)];
    if (c.commentary)
      blocks.push(
        ...c.commentary.paragraphs.map((p) => block('commentary', p)),
        block('commentary-signature', c.commentary.signature),
      );
    for (const s of [...c.sections, ...extra.cases[c.number - 1]!.sections.filter((x) => x.heading !== '获奖情况')]) {
      const awards = s.heading === '获奖情况';
      if (s.heading) blocks.push(block(awards ? 'awards-heading' : 'heading', s.heading));
      blocks.push(...s.paragraphs.map((p) => block(awards ? 'awards' : 'body', p)));
    }
    return { number: c.number, title: c.titlePhrases.join(' '), organization: c.organization, blocks };
  });
  return [foreword, ...cases];
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  const t = performance.now() - t0;
  rss.sample();
  return t;
}

export async function run(): Promise<void> {
  const app = await bootTemp();
  const out = path.join(app.dir, 'out');
  fs.mkdirSync(out);
  try {
    const db = app.ctx.lib.db;
    const volume = withTransaction(db, () => {
      const vol = createVolume(db, { title: '创先争优好做法（基准）' });
      for (const c of generatedCases())
        createCase(db, { volumeId: vol.id, ...c, stage: 'final', doc: { version: 1, blocks: c.blocks }, who: 'bench' });
      return vol;
    });
    const stored = listCases(db, volume.id).map((c) => getCase(db, c.id));
    const doc = buildExportDocument(volume.title, stored, { book: true });
    const chars = documentChars(doc);
    console.log(
      `   volume: ${stored.length - 1} generated cases + foreword (seeds ${SEED} and ${SEED + 1}), ${chars.toLocaleString('en')} characters in ${doc.entries.reduce((n, e) => n + e.parts.length, 0)} parts`,
    );

    const req = (format: ExportFormat): ExportRequest => ({
      volumeId: volume.id,
      scope: { kind: 'volume' },
      format,
      pageSize: 'a5',
      preset: 'book',
      fileNamePattern: '{number}-{title}',
      split: 'volume',
    });
    const exportOnce = (format: ExportFormat) => exportToPath(app.ctx, req(format), path.join(out, `volume.${format}`));

    // DOCX through the service: read 101 cases from SQLite, build, pack, write atomically.
    const docxBase = rss.phase();
    await exportOnce('docx'); // warms the JIT
    const docxTimes: number[] = [];
    for (let i = 0; i < DOCX_RUNS; i++) docxTimes.push(await time(() => exportOnce('docx')));
    const docxPeak = rss.peak;
    const docxMs = median(docxTimes);
    const docxBytes = fs.statSync(path.join(out, 'volume.docx')).size;

    // pandoc on the same content, from the Markdown this app writes (process start included, as ours includes its reads).
    const md = path.join(out, 'volume.md');
    fs.writeFileSync(md, documentMarkdown(doc));
    let pandocMs = NaN;
    try {
      const pandocTimes: number[] = [];
      for (let i = 0; i < PANDOC_RUNS; i++) {
        const t0 = performance.now();
        execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(out, 'pandoc.docx'), md], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        pandocTimes.push(performance.now() - t0);
      }
      pandocMs = median(pandocTimes);
    } catch (err) {
      console.log(
        `   pandoc not available (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): apt-get install -y pandoc`,
      );
    }
    const ratio = docxMs / pandocMs;
    console.log(
      `   DOCX export (service):            median ${ms(docxMs)} ms over ${DOCX_RUNS} runs (min ${ms(Math.min(...docxTimes))}, max ${ms(Math.max(...docxTimes))}), ${(chars / (docxMs / 1000) / 1e6).toFixed(2)} M chars/s, file ${mb(docxBytes)} MB`,
    );
    console.log(`   pandoc markdown → docx:           median ${ms(pandocMs)} ms over ${PANDOC_RUNS} runs (incl. process start)`);
    console.log(
      `   DOCX export / pandoc:             ${ratio.toFixed(2)}×   [aim < ${AIM_DOCX_RATIO}× (faster than pandoc): ${ratio < AIM_DOCX_RATIO ? 'met' : 'MISSED'}]`,
    );

    const epubBase = rss.phase();
    const epubTimes: number[] = [];
    for (let i = 0; i < EPUB_RUNS; i++) epubTimes.push(await time(() => exportOnce('epub')));
    const epubPeak = rss.peak;
    console.log(
      `   EPUB export (service):            median ${ms(median(epubTimes))} ms over ${EPUB_RUNS} runs, file ${mb(fs.statSync(path.join(out, 'volume.epub')).size)} MB`,
    );

    const pdfBase = rss.phase();
    const sampler = setInterval(() => rss.sample(), 25);
    const pdfTimes: number[] = [];
    try {
      for (let i = 0; i < PDF_RUNS; i++) pdfTimes.push(await time(() => exportOnce('pdf')));
    } finally {
      clearInterval(sampler);
    }
    const pdfPeak = rss.peak;
    const pdfFile = path.join(out, 'volume.pdf');
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1] ?? '?';
    console.log(
      `   PDF export (Chromium print):      median ${ms(median(pdfTimes))} ms over ${PDF_RUNS} runs, ${pages} A5 pages, file ${mb(fs.statSync(pdfFile).size)} MB (browser start included)`,
    );
    console.log(
      `   peak memory (RSS, this process):  DOCX ${mb(docxPeak)} MB (+${mb(docxPeak - docxBase)}), EPUB ${mb(epubPeak)} MB (+${mb(epubPeak - epubBase)}), ` +
        `PDF ${mb(pdfPeak)} MB (+${mb(pdfPeak - pdfBase)}; Chromium's own processes not counted); process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
    );
  } finally {
    await app.done();
  }
}
