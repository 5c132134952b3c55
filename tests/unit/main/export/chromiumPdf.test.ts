import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumPdfPrinter, findChromium, INSTALL_CHROMIUM } from '../../../../main/export/chromiumPdf.ts';
import { cliErrorLine } from '../../../../main/cli/errorLine.ts';
import { toErrorShape } from '../../../../shared/ipc/errors.ts';

test('no Chromium: a translated error naming the command that installs it', async () => {
  const err = await chromiumPdfPrinter(null)
    .print('<p>x</p>')
    .catch((e: unknown) => e);
  const shape = toErrorShape(err);
  assert.equal(shape.code, 'EXPORT_NO_CHROMIUM');
  assert.equal(shape.details?.command, INSTALL_CHROMIUM);
  assert.equal(INSTALL_CHROMIUM, 'apt-get install -y chromium fonts-noto-cjk');
  const line = cliErrorLine(shape);
  assert.match(line, /导出 PDF 需要 Chromium/);
  assert.match(line, /PDF export needs Chromium/);
  assert.equal(line.match(/apt-get install -y chromium fonts-noto-cjk/g)?.length, 3, 'in both languages and the detail line');
});

test('a Chromium that does not start is the same error, naming it', async () => {
  const err = toErrorShape(
    await chromiumPdfPrinter('/nonexistent/chromium')
      .print('<p>x</p>')
      .catch((e: unknown) => e),
  );
  assert.equal(err.code, 'EXPORT_NO_CHROMIUM');
  assert.match(err.message, /\/nonexistent\/chromium/);
});

test('CHROMIUM_PATH comes first; nothing executable is null', () => {
  assert.equal(findChromium({ CHROMIUM_PATH: process.execPath }), process.execPath);
  assert.notEqual(findChromium({ CHROMIUM_PATH: '/nonexistent' }), '/nonexistent');
});
