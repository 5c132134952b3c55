import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../../../../shared/ipc/errors.ts';
import { STAGES, PAGE_STATUSES } from '../../../../shared/model/stage.ts';
import { BLOCK_KINDS } from '../../../../shared/model/blockKind.ts';
import { RULE_IDS } from '../../../../shared/import/changeLog.ts';
import { createTranslator, flatten, interpolate, type MessageTree } from '../../../../renderer/i18n/translate.ts';

const load = (name: string) =>
  flatten(JSON.parse(readFileSync(new URL(`../../../../renderer/i18n/${name}`, import.meta.url), 'utf8')) as MessageTree);
const zh = load('zh-CN.json');
const en = load('en.json');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('zh-CN and en have the same keys and the same placeholders per key', () => {
  assert.deepEqual([...en.keys()].sort(), [...zh.keys()].sort());
  for (const [key, text] of zh) assert.deepEqual(placeholders(en.get(key) ?? ''), placeholders(text), key);
});

test('every error code, stage, page status and block kind is translated', () => {
  for (const code of ERROR_CODES) assert.ok(zh.get(`errors.${code}`), code);
  for (const s of STAGES) assert.ok(zh.get(`stages.${s}`), s);
  for (const s of PAGE_STATUSES) assert.ok(zh.get(`pageStatus.${s}`), s);
  for (const k of BLOCK_KINDS) assert.ok(zh.get(`blockKinds.${k}`), k);
});

test('stage and page-status names are the editorial terms', () => {
  assert.deepEqual(
    STAGES.map((s) => zh.get(`stages.${s}`)),
    ['已导入', '初审', '复审', '终审', '一校', '二校', '三校', '定稿'],
  );
  assert.deepEqual(
    PAGE_STATUSES.map((s) => zh.get(`pageStatus.${s}`)),
    ['未校对', '有问题', '已校对', '已验证', '无文字'],
  );
});

test('every cleanup rule the pipeline knows has a name in both languages', () => {
  for (const r of RULE_IDS) assert.ok(zh.get(`rules.${r}`) && en.get(`rules.${r}`), r);
});

test('translator interpolates, falls back to zh-CN, then to the key; lookup tells unknown keys apart', () => {
  const tables = { 'zh-CN': new Map([['a.b', '删除《{title}》'], ['only.zh', '只有中文']]), en: new Map([['a.b', 'Delete “{title}”']]) };
  const tr = createTranslator('en', tables);
  assert.equal(tr.t('a.b', { title: 'X' }), 'Delete “X”');
  assert.equal(tr.t('only.zh'), '只有中文');
  assert.equal(tr.t('rules.unknown-rule'), 'rules.unknown-rule');
  assert.equal(tr.lookup('rules.unknown-rule'), undefined);
  assert.equal(interpolate('{a} {missing}', { a: 1 }), '1 {missing}');
});
