import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '../../../../shared/ipc/errors.ts';
import { DEFAULT_STAGES, PAGE_STATUSES } from '../../../../shared/model/stage.ts';
import { BLOCK_KINDS } from '../../../../shared/model/blockKind.ts';
import { RULE_IDS } from '../../../../shared/import/changeLog.ts';
import { SUSPECT_KINDS } from '../../../../shared/proof/suspects.ts';
import { createTranslator, flatten, interpolate, type MessageTree } from '../../../../renderer/i18n/translate.ts';
import { literalTexts, literalTextsIn } from './literalStrings.ts';

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
  for (const s of DEFAULT_STAGES) assert.ok(zh.get(`stages.${s}`), s);
  for (const s of PAGE_STATUSES) assert.ok(zh.get(`pageStatus.${s}`), s);
  for (const k of BLOCK_KINDS) assert.ok(zh.get(`blockKinds.${k}`), k);
  for (const k of SUSPECT_KINDS) assert.ok(zh.get(`proof.suspectKinds.${k}`), k);
});

test('stage and page-status names are the editorial terms', () => {
  assert.deepEqual(
    DEFAULT_STAGES.map((s) => zh.get(`stages.${s}`)),
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
  const tables = {
    'zh-CN': new Map([
      ['a.b', '删除《{title}》'],
      ['only.zh', '只有中文'],
    ]),
    en: new Map([['a.b', 'Delete “{title}”']]),
  };
  const tr = createTranslator('en', tables);
  assert.equal(tr.t('a.b', { title: 'X' }), 'Delete “X”');
  assert.equal(tr.t('only.zh'), '只有中文');
  assert.equal(tr.t('rules.unknown-rule'), 'rules.unknown-rule');
  assert.equal(tr.lookup('rules.unknown-rule'), undefined);
  assert.equal(interpolate('{a} {missing}', { a: 1 }), '1 {missing}');
});

/** Text that is the same in every language: the brand mark of the header (a logo glyph, aria-hidden). */
const ALLOWED_LITERALS = new Set(['renderer/shell/AppHeader.tsx:编']);

test('no renderer source shows a Chinese or English sentence of its own: UI text comes from the string table', () => {
  const rendererDir = fileURLToPath(new URL('../../../../renderer', import.meta.url));
  const found = literalTextsIn(rendererDir)
    .map((l) => ({ ...l, file: path.relative(path.dirname(rendererDir), l.file).split(path.sep).join('/') }))
    .filter((l) => !ALLOWED_LITERALS.has(`${l.file}:${l.text}`));
  assert.deepEqual(
    found.map((l) => `${l.file}:${l.line} ${l.text}`),
    [],
  );
});

test('the literal-text check finds visible text and passes keys, test ids, class names and developer errors', () => {
  const source = `
    export function X({ n }: { n: number }) {
      if (n < 0) throw new Error('negative count given');
      return (
        <div className="proof proof--message" data-testid="save state" title="Save now">
          <p>保存失败</p>
          <span>Find</span>
          {t('proof.save.saved')} {n} / {n} · ↑
          <b>{n > 1 ? 'many pages left' : t(\`proof.save.\${n}\`)}</b>
          <i aria-label={\`第 \${n} 页\`} />
        </div>
      );
    }`;
  assert.deepEqual(
    literalTexts('X.tsx', source).map((l) => l.text),
    ['Save now', '保存失败', 'Find', 'many pages left', '第 {} 页'],
  );
});
