import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition } from '../../../../main/web/download.ts';

test('Content-Disposition: an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
  const name = "001-开设“民情论坛” 打造和谐家园 (1)'s.docx";
  const header = contentDisposition(name);
  const [, fallback, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(header) ?? [];
  assert.ok(fallback && encoded, header);
  assert.match(fallback, /^[\x20-\x7e]+$/);
  assert.match(encoded, /^[A-Za-z0-9%!#$&+\-.^_`|~]+$/, 'only attr-chars and percent escapes');
  assert.equal(decodeURIComponent(encoded), name);
  assert.equal(contentDisposition('a"b\\c.txt').split(';')[1], ' filename="a_b_c.txt"');
});
