// Search latency over a generated library of 1,000 cases (~3 million characters, ten volumes of 100
// cases from tests/fixtures/generator's content, stored in a real library): p50/p95 of searchLibrary
// for 1-, 2-, 3- and 6-character queries, next to ripgrep searching the same texts written out as one
// file per case, in the same run (ratio printed). Also the first search (which reads every text into
// the search cache) and a search right after a save. Prints figures; asserts nothing about time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Block } from '../../shared/model/caseDoc.ts';
import {
  createCase,
  createVolume,
  getCase,
  insertPages,
  openLibrary,
  saveCase,
  searchLibrary,
  withTransaction,
} from '../../main/store/index.ts';
import { makeVolume } from '../fixtures/generator/content.ts';
import { createRng, type Rng } from '../fixtures/generator/rng.ts';
import { fmt, median, percentile } from './stats.ts';

export const title = 'search: 1,000 cases (~3 M characters), 1/2/3/6-character queries, vs ripgrep';

const VOLUMES = 10;
const CASES_PER_VOLUME = 100;
/** Characters printed on a page, for the page breaks of the generated documents. */
const PAGE_CHARS = 800;
const QUERY_LENGTHS = [1, 2, 3, 6] as const;
const QUERIES_PER_LENGTH = 10;
const ROUNDS = 5;
const AIM_P95_MS = 10;

const block = (kind: Block['kind'], text: string): Omit<Block, 'page' | 'breaks'> => ({ kind, text });

/** Blocks laid out on pages of PAGE_CHARS characters, with a break where a page starts inside a block. */
function paginate(blocks: Omit<Block, 'page' | 'breaks'>[], firstPage: number): { blocks: Block[]; pages: number } {
  let page = firstPage;
  let room = PAGE_CHARS;
  const out = blocks.map((b): Block => {
    const startPage = page;
    const breaks: Block['breaks'] = [];
    let at = 0;
    while (b.text.length - at > room) {
      at += room;
      page++;
      room = PAGE_CHARS;
      breaks.push({ at, page });
    }
    room -= b.text.length - at;
    return { ...b, page: startPage, breaks };
  });
  return { blocks: out, pages: page - firstPage + 1 };
}

/** Ten volumes; each case carries the sections of the same-numbered case of a second seed (~3,000 characters a case). */
function generate(db: DatabaseSync): { chars: number; texts: Map<number, string> } {
  let chars = 0;
  const texts = new Map<number, string>();
  withTransaction(db, () => {
    for (let v = 0; v < VOLUMES; v++) {
      const volume = createVolume(db, { title: `创先争优好做法（基准）第${v + 1}卷` });
      const a = makeVolume(createRng(100 + 2 * v), CASES_PER_VOLUME);
      const b = makeVolume(createRng(101 + 2 * v), CASES_PER_VOLUME);
      let page = 0;
      const pageLabels: { index: number; printedLabel: string | null; rawText: string }[] = [];
      for (const c of a.cases) {
        const title = c.titlePhrases.join(' ');
        const raw = [block('title', title), block('organization', c.organization)];
        if (c.commentary) {
          raw.unshift(
            ...c.commentary.paragraphs.map((p) => block('commentary', p)),
            block('commentary-signature', c.commentary.signature),
          );
        }
        for (const s of [...c.sections, ...b.cases[c.number - 1]!.sections.filter((x) => x.heading !== '获奖情况')]) {
          const awards = s.heading === '获奖情况';
          if (s.heading) raw.push(block(awards ? 'awards-heading' : 'heading', s.heading));
          raw.push(...s.paragraphs.map((p) => block(awards ? 'awards' : 'body', p)));
        }
        const laid = paginate(raw, page);
        for (let i = 0; i < laid.pages; i++) {
          pageLabels.push({ index: page + i, printedLabel: String(page + i + 1), rawText: '' });
        }
        page += laid.pages;
        const stored = createCase(db, {
          volumeId: volume.id,
          number: c.number,
          title,
          organization: c.organization,
          doc: { version: 1, blocks: laid.blocks },
          who: 'bench',
        });
        texts.set(stored.id, stored.text);
        chars += stored.text.length;
      }
      insertPages(db, volume.id, pageLabels);
    }
  });
  return { chars, texts };
}

/** Queries of `length` Han characters taken at random places of the texts: what a user would look for. */
function sampleQueries(rng: Rng, texts: readonly string[], length: number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const text = rng.pick(texts);
    const at = rng.int(0, Math.max(0, text.length - length));
    const q = text.slice(at, at + length);
    if (q.length === length && /^\p{Script=Han}+$/u.test(q)) out.add(q);
  }
  return [...out];
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-search-bench-'));
  const lib = openLibrary(path.join(dir, 'library'));
  try {
    const db = lib.db;
    const t0 = performance.now();
    const { chars, texts } = generate(db);
    console.log(
      `   library: ${texts.size} cases in ${VOLUMES} volumes, ${chars.toLocaleString('en')} characters (generated and stored in ${(
        (performance.now() - t0) /
        1000
      ).toFixed(1)} s)`,
    );

    // ripgrep searches the same texts, one file per case.
    const filesDir = path.join(dir, 'cases');
    fs.mkdirSync(filesDir);
    for (const [id, text] of texts) fs.writeFileSync(path.join(filesDir, `${id}.txt`), text);
    let rgVersion: string | null = null;
    try {
      rgVersion = execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'rg';
    } catch {
      console.log('   ripgrep not available: apt-get install -y ripgrep (the comparison is left out)');
    }

    const rng = createRng(8);
    const corpus = [...texts.values()];
    const queries = new Map(QUERY_LENGTHS.map((n) => [n, sampleQueries(rng, corpus, n, QUERIES_PER_LENGTH)]));

    const cold = time(() => searchLibrary(db, queries.get(2)![0]!));
    // Warm up the JIT and the per-case caches (summaries, page maps) as a session of searching does.
    for (const qs of queries.values()) for (const q of qs) searchLibrary(db, q);

    console.log(`   first search after opening (reads every text into the search cache): ${fmt(cold)} ms`);
    console.log(
      `   ${ROUNDS} rounds × ${QUERIES_PER_LENGTH} queries per length; rg ${rgVersion ?? '—'} -F -i, one process per query`,
    );
    console.log('   length   hits (median cases)   search p50 / p95 ms     rg p50 / p95 ms      rg / search (p50)');
    for (const n of QUERY_LENGTHS) {
      const qs = queries.get(n)!;
      const ours: number[] = [];
      const rg: number[] = [];
      const totals: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (const q of qs) {
          let total = 0;
          ours.push(
            time(() => {
              total = searchLibrary(db, q).total;
            }),
          );
          totals.push(total);
          if (rgVersion) {
            rg.push(
              time(() => {
                try {
                  execFileSync('rg', ['-F', '-i', '--no-heading', '-n', '--', q, filesDir], {
                    stdio: ['ignore', 'pipe', 'ignore'],
                    maxBuffer: 64 * 1024 * 1024,
                  });
                } catch (err) {
                  // Exit status 1 is "no match", not a failure.
                  if ((err as { status?: number }).status !== 1) throw err;
                }
              }),
            );
          }
        }
      }
      const p95 = percentile(ours, 95);
      const rgCols = rgVersion
        ? `${fmt(median(rg)).padStart(7)} / ${fmt(percentile(rg, 95)).padEnd(9)}    ${(median(rg) / median(ours)).toFixed(1)}×`
        : '—';
      console.log(
        `   ${String(n).padStart(6)}   ${String(median(totals)).padStart(19)}   ${fmt(median(ours)).padStart(9)} / ${fmt(p95).padEnd(9)}   ${rgCols}` +
          `   [aim p95 < ${AIM_P95_MS} ms: ${p95 < AIM_P95_MS ? 'met' : 'MISSED'}]`,
      );
    }

    // After a save only the saved case's text is read again.
    const someId = [...texts.keys()][Math.floor(texts.size / 2)]!;
    const afterSave: number[] = [];
    for (let i = 0; i < 20; i++) {
      const c = getCase(db, someId);
      saveCase(db, { id: c.id, version: c.version, doc: c.doc, who: 'bench' });
      afterSave.push(time(() => searchLibrary(db, queries.get(2)![i % QUERIES_PER_LENGTH]!)));
    }
    console.log(
      `   2-character search right after a save (cache brought up to date): p50 ${fmt(median(afterSave))} ms, p95 ${fmt(percentile(afterSave, 95))} ms`,
    );
  } finally {
    lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
