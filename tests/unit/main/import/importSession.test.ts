import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importBudget, ImportSession, IMPORT_MEMORY } from '../../../../main/import/importSession.ts';
import type { JobContext } from '../../../../main/services/jobs.ts';
import { volumeTextLayer } from '../../../fixtures/generator/textLayer.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-session-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const MB = 1024 * 1024;

function job(): JobContext {
  return { signal: new AbortController().signal, progress: () => undefined, onCancel: () => undefined };
}

function write(name: string, text: string): { file: string; size: number } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { file, size: fs.statSync(file).size };
}

/** Seeded Han characters in lines of 40, no page breaks: text a volume's structure is never found in. */
function hanText(chars: number): string {
  const parts: string[] = [];
  let a = 99;
  for (let i = 0; i < chars; i++) {
    a = (a * 1103515245 + 12345) >>> 0;
    parts.push(String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000)));
    if (i % 40 === 39) parts.push('\n');
  }
  return parts.join('');
}

describe('the import worker memory budget', () => {
  test('grows with the input and never passes 1 GB', () => {
    const small = importBudget(500_000);
    assert.equal(small.oldMb, Math.ceil(IMPORT_MEMORY.baseMb + (IMPORT_MEMORY.perInputByte * 500_000) / MB));
    assert.ok(importBudget(10 * MB).totalMb > small.totalMb);
    for (const size of [64 * MB, 1024 * MB, 10 * 1024 * MB]) assert.ok(importBudget(size).totalMb <= 1024, `${size}`);
  });

  test('an import over its budget is stopped with IMPORT_OUT_OF_MEMORY, and the next one runs', async () => {
    // Small allocations (lines, blocks) fill this heap, the way a real volume does: the worker stops
    // cleanly. (One huge allocation at the limit can abort the whole process instead, nodejs/node#47224:
    // the budget keeps a wide margin over what imports need, and the pipeline makes no huge strings.)
    const { file, size } = write('volume.txt', volumeTextLayer(1000, 3).text);
    const tight = { inputBytes: size, oldMb: 24, youngMb: 8, totalMb: 32 };
    const starved = new ImportSession({ filePath: file, sourceName: 'volume.txt', scanPaths: [], options: {} }, size, tight);
    await assert.rejects(starved.parsed(job()), (err: { code?: string; details?: Record<string, unknown> }) => {
      assert.equal(err.code, 'IMPORT_OUT_OF_MEMORY');
      assert.equal(err.details?.budgetMb, 32);
      return true;
    });
    await starved.end();

    const fine = new ImportSession({ filePath: file, sourceName: 'volume.txt', scanPaths: [], options: {} }, size);
    const summary = await fine.parsed(job());
    assert.equal(summary.counts.cases, 1000);
    console.log(
      `   ${(size / MB).toFixed(2)} MB volume: worker heap peak ${(fine.peakHeapBytes / MB).toFixed(1)} MB of a ${fine.budget.totalMb} MB budget`,
    );
    assert.ok(fine.peakHeapBytes <= fine.budget.totalMb * MB);
    await fine.end();
  });

  test('a large text without structure stays within its budget and is refused with a clear error', async () => {
    const { file, size } = write('han.txt', hanText(2_500_000));
    const session = new ImportSession({ filePath: file, sourceName: 'han.txt', scanPaths: [], options: {} }, size);
    await assert.rejects(session.parsed(job()), { code: 'IMPORT_CASE_TOO_LONG' });
    console.log(
      `   ${(size / MB).toFixed(1)} MB of Han text: worker heap peak ${(session.peakHeapBytes / MB).toFixed(1)} MB of a ${session.budget.totalMb} MB budget`,
    );
    assert.ok(session.peakHeapBytes > 0 && session.peakHeapBytes <= session.budget.totalMb * MB);
    await session.end();
  });
});
