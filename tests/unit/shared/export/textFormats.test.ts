import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { buildExportDocument, entryTexts } from '../../../../shared/export/exportModel.ts';
import { documentMarkdown, entryMarkdown, escapeMarkdown } from '../../../../shared/export/markdown.ts';
import { documentPlainText } from '../../../../shared/export/plainText.ts';
import { documentHtml, printCss } from '../../../../shared/export/html.ts';
import { exportJson, exportJsonText, readExportJson, reimportCases } from '../../../../shared/export/json.ts';
import { ExportJson, exportJsonSchema } from '../../../../shared/export/jsonSchema.ts';
import { tocOrder } from '../../../../shared/export/exportModel.ts';
import { smallCases } from './fixtures.ts';

const cases = smallCases();
const doc = buildExportDocument('创先争优好做法', cases);
const printed = doc.entries.flatMap(entryTexts);

describe('Markdown', () => {
  test('a volume: YAML title and language, a # per entry, ## headings, the commentary as a quote', () => {
    const md = documentMarkdown(doc);
    assert.match(md, /^---\ntitle: "创先争优好做法"\nlang: zh-CN\n---\n/);
    assert.equal(md.match(/^# /gm)?.length, doc.entries.length);
    assert.match(md, /^> \*\*〔组织点评〕\*\*$/m);
    assert.match(md, /^## /m);
    for (const p of printed) assert.ok(md.includes(escapeMarkdown(p)), p.slice(0, 20));
  });

  test('markup characters in the text are escaped, line openers too', () => {
    assert.equal(escapeMarkdown('1. 一*二*_三_ [链接](x) <b> #号'), '1\\. 一\\*二\\*\\_三\\_ \\[链接\\](x) \\<b\\> #号');
    assert.equal(escapeMarkdown('# 不是标题'), '\\# 不是标题');
    assert.equal(escapeMarkdown('- 不是列表\n> 不是引用'), '\\- 不是列表\\\n\\> 不是引用');
  });

  test('one file per entry needs no YAML header', () => {
    assert.match(entryMarkdown(doc.entries[1]!), /^# 小支部撬动大发展\n/);
  });
});

describe('plain text', () => {
  test('every paragraph, body paragraphs opened by two ideographic spaces', () => {
    const txt = documentPlainText(doc);
    assert.ok(txt.startsWith('创先争优好做法\n'));
    const lines = txt.split('\n').map((l) => l.replace(/^\u3000\u3000/, ''));
    let from = 0;
    for (const p of printed) {
      const at = lines.indexOf(p, from);
      assert.ok(at >= from, p.slice(0, 20));
      from = at;
    }
    assert.match(txt, /^\u3000\u3000\S/m);
  });
});

describe('HTML', () => {
  const html = documentHtml(doc, { preset: 'book', pageSize: 'a5' });

  test('one self-contained, well-formed file: no scripts, no external resources', () => {
    const errors: string[] = [];
    const parsed = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(
      html.replace('<!DOCTYPE html>', ''),
      'application/xhtml+xml',
    );
    assert.deepEqual(errors, []);
    assert.equal(parsed.documentElement?.getAttribute('lang'), 'zh-CN');
    assert.doesNotMatch(html, /<script|<link|src=|url\(/i);
    const sections = Array.from(parsed.getElementsByTagName('section'));
    assert.equal(sections.length, doc.entries.length);
    const text = sections.map((s) => s.textContent ?? '').join('\n');
    for (const p of printed) assert.ok(text.includes(p), p.slice(0, 20));
  });

  test('print CSS from the preset: page size, margins, page numbers, a page per entry', () => {
    assert.match(html, /@page \{ size: 148mm 210mm; margin: 20mm 16mm 20mm 18mm; \}/);
    assert.match(html, /@bottom-center \{ content: counter\(page\)/);
    assert.match(html, /\.entry, \.toc \{ break-before: page; \}/);
    assert.match(html, /\.s-CaseBody \{[^}]*text-indent: 2em/);
    const gw = printCss('gongwen', 'a4', true);
    assert.match(gw, /@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/);
    assert.match(gw, /@page :left \{ @bottom-left/);
    assert.match(gw, /margin: 37mm 26mm 35mm 28mm/);
  });

  test('text is escaped', () => {
    const c = {
      ...cases[1]!,
      title: '<b>&"标题"',
      doc: { version: 1 as const, blocks: [{ kind: 'title' as const, text: '<b>&"标题"', page: 0, breaks: [] }] },
    };
    const one = documentHtml(buildExportDocument('卷', [c]), { preset: 'book', pageSize: 'a4' });
    assert.match(one, /&lt;b&gt;&amp;&quot;标题&quot;/);
    assert.match(one, /<title>&lt;b&gt;&amp;&quot;标题&quot;<\/title>/);
  });
});

describe('JSON', () => {
  const json = exportJson('创先争优好做法', cases, { generator: 'test', exportedAt: '2026-01-04T08:00:00.000Z' });

  test('validates against its schema and reads back', () => {
    assert.ok(ExportJson.safeParse(json).success);
    const read = readExportJson(exportJsonText(json));
    assert.ok(read.ok);
    assert.deepEqual(read.value, json);
    const schema = exportJsonSchema();
    assert.equal((schema.properties as Record<string, unknown>).version !== undefined, true);
  });

  test('re-imports to the same cases (no page positions)', () => {
    const back = reimportCases(json);
    const ordered = tocOrder(cases);
    assert.deepEqual(
      back.map((c) => ({
        number: c.number,
        title: c.title,
        organization: c.organization,
        stage: c.stage,
        blocks: c.doc.blocks.map((b) => [b.kind, b.text]),
      })),
      ordered.map((c) => ({
        number: c.number,
        title: c.title,
        organization: c.organization,
        stage: c.stage,
        blocks: c.doc.blocks.map((b) => [b.kind, b.text]),
      })),
    );
    assert.ok(back.every((c) => c.doc.blocks.every((b) => b.page === 0 && b.breaks.length === 0)));
  });

  test('a wrong format, a future version or a bad field is refused by name', () => {
    assert.match((readExportJson('{') as { message: string }).message, /Not JSON/);
    assert.match((readExportJson('{"format":"other"}') as { message: string }).message, /Not a casebook-workbench\.cases file/);
    assert.match(
      (readExportJson(JSON.stringify({ ...json, version: 2 })) as { message: string }).message,
      /Unsupported version 2/,
    );
    const bad = readExportJson(JSON.stringify({ ...json, cases: [{ ...json.cases[0], stage: 'Not A Stage!' }] }));
    assert.equal(bad.ok, false);
    assert.equal((bad as { issues: Array<{ path: string }> }).issues[0]?.path, 'cases.0.stage');
  });
});
