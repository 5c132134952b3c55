// A volume-wide replace of 1,000 hits across 100 cases (each ~3,000 characters) and its batch undo,
// each timed over a few rounds on a real library file: the preview, the apply (one transaction: new
// versions, revisions, the batch's copies, FTS) and the undo. Aim: each under 1 s. Prints figures only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Block } from '../../shared/model/caseDoc.ts';
import type { ReplaceApplyInput, ReplacePreviewInput } from '../../shared/model/replace.ts';
import { createCase, createVolume, openLibrary } from '../../main/store/index.ts';
import { applyReplace, previewReplace, undoReplaceBatch } from '../../main/services/replaceService.ts';
import { fmt, median } from './stats.ts';

export const title = 'volume replace: 1,000 hits across 100 cases, apply and batch undo';

const CASES = 100;
const HITS_PER_CASE = 10;
const ROUNDS = 3;
const FILLER = '临洮街街道康乐路社区共有居民1412户，总人口4012人，党员120名，坚持把为民服务作为一切工作的出发点和落脚点。';

/** A case of ~3,000 characters: a title and ten body paragraphs, each with one 村委 among filler. */
function blocks(n: number): Block[] {
  const body = Array.from({ length: HITS_PER_CASE }, (_, i): Block => ({
    kind: 'body',
    text: `${FILLER.repeat(2)}第${i + 1}次由村委组织议事。${FILLER.repeat(2)}`,
    page: 0,
    breaks: i === 5 ? [{ at: 40, page: 0 }] : [],
  }));
  return [{ kind: 'title', text: `第${n}个案例`, page: 0, breaks: [] }, ...body];
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-replace-bench-'));
  try {
    const lib = openLibrary(dir);
    const db = lib.db;
    const volumeId = createVolume(db, { title: '替换基准' }).id;
    let chars = 0;
    for (let n = 1; n <= CASES; n++) {
      const c = createCase(db, {
        volumeId,
        number: n,
        title: `第${n}个案例`,
        doc: { version: 1, blocks: blocks(n) },
        who: 'bench',
      });
      chars += c.text.length;
    }
    console.log(`   ${CASES} cases, ${chars.toLocaleString('en')} characters`);

    const query: ReplacePreviewInput = {
      volumeId,
      pattern: '村委',
      replacement: '村民委员会',
      regex: false,
      caseSensitive: true,
    };
    const regexQuery: ReplacePreviewInput = {
      ...query,
      pattern: '(\\p{Script=Han})委(?=组织)',
      replacement: '$1民委员会',
      regex: true,
    };
    const previews: number[] = [];
    const regexPreviews: number[] = [];
    const applies: number[] = [];
    const undos: number[] = [];
    let hits = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const p = time(() => previewReplace(db, query));
      previews.push(p.ms);
      regexPreviews.push(time(() => previewReplace(db, regexQuery)).ms);
      const input: ReplaceApplyInput = {
        ...query,
        reason: 'bench',
        picks: p.value.cases.map((c) => ({ caseId: c.id, version: c.version, hitIds: c.hits.map((h) => h.id) })),
      };
      const applied = time(() => applyReplace(db, input, 'bench'));
      hits = applied.value.batch.hits;
      applies.push(applied.ms);
      undos.push(time(() => undoReplaceBatch(db, applied.value.batch.id, 'bench')).ms);
    }
    lib.close();
    const line = (label: string, xs: number[]) =>
      console.log(`   ${label.padEnd(26)} median ${fmt(median(xs)).padStart(7)} ms   max ${fmt(Math.max(...xs)).padStart(7)} ms`);
    console.log(`   ${hits} hits in ${CASES} cases, ${ROUNDS} rounds`);
    line('preview (plain)', previews);
    line('preview (regex, \\p{Han})', regexPreviews);
    line('apply (one transaction)', applies);
    line('undo batch', undos);
    const worst = Math.max(...applies, ...undos);
    console.log(`   aim: apply and undo under 1000 ms each — ${worst < 1000 ? 'met' : 'NOT met'} (worst ${fmt(worst)} ms)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
