import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText } from '../../../../main/import/decode.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';

const seed = readFileSync(new URL('../../../fixtures/seed/excerpt.txt', import.meta.url), 'utf8');
const handwritten = readFileSync(new URL('../../../fixtures/import/handwritten.txt', import.meta.url), 'utf8');

function refuses(bytes: Uint8Array, code: string): void {
  assert.throws(
    () => decodeText(bytes),
    (e: unknown) => e instanceof AppError && e.code === code,
  );
}

describe('decodeText', () => {
  test('UTF-8 as is, and with a BOM (the BOM dropped)', () => {
    assert.deepEqual(decodeText(Buffer.from(seed, 'utf8')), { text: seed, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]);
    assert.equal(decodeText(bom).text, seed);
  });

  test('GB18030 made from the seed decodes back to the seed', () => {
    const r = decodeText(iconv.encode(seed, 'gb18030'));
    assert.equal(r.encoding, 'gb18030');
    assert.equal(r.text, seed.replace(/\uFFFD/g, '\uFFFD'));
  });

  test('the GB18030 fixture file decodes to the UTF-8 one', () => {
    const bytes = readFileSync(new URL('../../../fixtures/import/handwritten.gb18030.txt', import.meta.url));
    assert.deepEqual(decodeText(bytes), { text: handwritten, encoding: 'gb18030' });
  });

  test('UTF-16 LE and BE with a BOM, and LE without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be')]);
    assert.deepEqual(decodeText(le), { text: seed, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(be), { text: seed, encoding: 'utf-16be' });
    const ascii = 'Page 1\nCase list\n'.repeat(20);
    assert.deepEqual(decodeText(iconv.encode(ascii, 'utf-16le')), { text: ascii, encoding: 'utf-16le' });
  });

  test('empty and whitespace-only files are refused as empty', () => {
    refuses(new Uint8Array(0), 'IMPORT_EMPTY');
    refuses(Buffer.from(' \n\t\n\f \n'), 'IMPORT_EMPTY');
  });

  test('a PNG renamed .txt and other binary junk are refused as binary', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00,
    ]);
    refuses(png, 'IMPORT_BINARY');
    let x = 12345;
    const junk = Buffer.alloc(4096, 0).map(() => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return (x >> 16) & 0xff;
    });
    refuses(junk, 'IMPORT_BINARY');
    const controls = Buffer.from('\x01\x02\x03\x04\x05\x06文本\x07\x08\x0e\x0f\x10'.repeat(50), 'utf8');
    refuses(controls, 'IMPORT_BINARY');
  });

  test('text that decodes into many replacement characters is refused as an encoding problem', () => {
    // Lone UTF-8 continuation bytes and stray lead bytes: not UTF-8, not GB18030 either.
    const bad = Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 0x80 : i % 3 === 1 ? 0xff : 0x41)));
    refuses(bad, 'IMPORT_ENCODING');
  });
});
