// Round trips through independent readers: pandoc reads the DOCX and the Markdown, epubcheck checks the
// EPUB, pdf.js reads the PDF that Chromium prints from the HTML. What comes back must be every paragraph,
// in order; no byte snapshots.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDocx } from '../../../shared/export/docx.ts';
import { buildEpub } from '../../../shared/export/epub.ts';
import { buildExportDocument, entryTexts } from '../../../shared/export/exportModel.ts';
import { documentHtml } from '../../../shared/export/html.ts';
import { documentMarkdown } from '../../../shared/export/markdown.ts';
import { chromiumPdfPrinter } from '../../../main/export/chromiumPdf.ts';
import { seedCases, smallCases } from '../../unit/shared/export/fixtures.ts';
import { epubcheck, findInOrder, pandocPlain, pdfPageTexts, squash } from './readers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-export-formats-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cases = smallCases();
const doc = buildExportDocument('创先争优好做法', cases);
const printed = doc.entries.flatMap(entryTexts);

function write(name: string, data: Uint8Array | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('export formats read back by independent readers', () => {
  for (const preset of ['book', 'gongwen'] as const) {
    test(`DOCX (${preset}) through pandoc: every paragraph of every case, in order`, async () => {
      const file = write(`${preset}.docx`, await buildDocx(doc, { preset, pageSize: 'a4' }));
      const plain = pandocPlain(file, 'docx');
      const paras = plain
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      const { missing } = findInOrder(paras.join('\n'), printed);
      assert.equal(missing, null, `missing or out of order: ${missing?.slice(0, 30)}`);
      // The table of contents comes first, then each entry as printed.
      assert.equal(paras[0], '创先争优好做法');
      assert.equal(paras[1], '目录');
    });
  }

  test('Markdown through pandoc: the same paragraphs', () => {
    const file = write('volume.md', documentMarkdown(doc));
    const paras = pandocPlain(file, 'markdown')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    // pandoc keeps the YAML title as metadata, prints headings as is and the quote indented: compare paragraph by paragraph.
    const got = paras.map(squash);
    const want = printed.map(squash);
    const first = want.findIndex((w, i) => got[i] !== w);
    assert.equal(first, -1, `paragraph ${first}: ${got[first]?.slice(0, 30)} ≠ ${want[first]?.slice(0, 30)}`);
    assert.equal(got.length, want.length);
  });

  test('EPUB 3 passes epubcheck', () => {
    const file = write(
      'volume.epub',
      buildEpub(doc, {
        preset: 'book',
        pageSize: 'a5',
        identifier: 'urn:uuid:6f1c1c52-3a0e-4c59-9f39-5a1d8d3c2b10',
        modified: new Date(),
      }),
    );
    const res = epubcheck(file);
    assert.ok(res.ok, res.output);
    assert.match(res.output, /No errors or warnings detected/);
  });

  test('PDF printed by Chromium from the HTML: pdf.js finds every paragraph', async () => {
    const seed = buildExportDocument('创先争优好做法（示例）', seedCases());
    const pdf = await chromiumPdfPrinter().print(documentHtml(seed, { preset: 'book', pageSize: 'a5' }));
    write('seed.pdf', pdf);
    const pages = await pdfPageTexts(pdf);
    assert.ok(pages.length >= 4, `${pages.length} pages`);
    const text = squash(pages.join(''));
    const { missing } = findInOrder(text, seed.entries.flatMap(entryTexts).map(squash));
    assert.equal(missing, null, `missing or out of order: ${missing?.slice(0, 30)}`);
    // Each entry starts a page: the foreword's and the case's titles open theirs.
    assert.ok(
      pages.some((p) =>
        squash(p).startsWith(squash(seed.entries[1]!.parts[0]!.type === 'paragraph' ? seed.entries[1]!.parts[0]!.text : '')),
      ),
    );
  });
});
