import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findOversizedItem, MAX_CASE_CHARS } from '../../../../shared/import/limits.ts';
import { importText } from '../../../../shared/import/pipeline.ts';

const meta = { sourceName: 'x.txt', encoding: 'utf-8' };

describe('findOversizedItem', () => {
  test('a real volume has none', () => {
    const small = readFileSync(new URL('../../../fixtures/generated/small.txt', import.meta.url), 'utf8');
    assert.equal(findOversizedItem(importText(small, meta)), null);
  });

  test('a text the pipeline found no boundary in is one item over the limit, named by its first words', () => {
    let a = 1;
    let text = '党建工作创先争优';
    for (let i = 0; i < MAX_CASE_CHARS + 1000; i++) {
      a = (a * 1103515245 + 12345) >>> 0;
      text += String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000)) + (i % 40 === 39 ? '\n' : '');
    }
    const item = findOversizedItem(importText(text, meta));
    assert.ok(item);
    assert.equal(item.kind, 'front');
    assert.ok(item.chars > MAX_CASE_CHARS);
    assert.equal(item.limit, MAX_CASE_CHARS);
    assert.ok(item.title.startsWith('党建工作创先争优'));
    assert.ok(item.pageEnd > item.pageStart);
  });

  test('the limit is a parameter', () => {
    const small = readFileSync(new URL('../../../fixtures/generated/small.txt', import.meta.url), 'utf8');
    const item = findOversizedItem(importText(small, meta), 500);
    assert.ok(item && item.chars > 500);
  });
});
