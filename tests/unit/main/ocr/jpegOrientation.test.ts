// EXIF Orientation read from a JPEG's APP1 segment, in both byte orders; anything unreadable is 1
// (as stored). The engine's page images depend on it (main/ocr/sources.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { jpegOrientation } from '../../../../main/ocr/sources.ts';

/** SOI, an APP1 Exif segment whose IFD0 holds `entries` ([tag, value] SHORTs), then SOF0 and EOI. */
function jpeg(order: 'II' | 'MM', entries: Array<[number, number]>): Uint8Array {
  const little = order === 'II';
  const tiff = Buffer.alloc(8 + 2 + entries.length * 12 + 4);
  tiff.write(order, 0, 'latin1');
  const u16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  u16(42, 2);
  u32(8, 4);
  u16(entries.length, 8);
  entries.forEach(([tag, value], i) => {
    const e = 10 + i * 12;
    u16(tag, e);
    u16(3, e + 2);
    u32(1, e + 4);
    u16(value, e + 8);
  });
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 10, 0, 20, 1, 1, 0x11, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, body, sof, Buffer.from([0xff, 0xd9])]);
}

describe('jpegOrientation', () => {
  test('little- and big-endian EXIF, among other tags', () => {
    assert.equal(
      jpegOrientation(
        jpeg('II', [
          [0x010f, 7],
          [0x0112, 6],
        ]),
      ),
      6,
    );
    assert.equal(jpegOrientation(jpeg('MM', [[0x0112, 8]])), 8);
    assert.equal(
      jpegOrientation(
        jpeg('MM', [
          [0x0112, 3],
          [0x011a, 72],
        ]),
      ),
      3,
    );
  });

  test('none, out of range or unreadable: as stored (1)', () => {
    assert.equal(jpegOrientation(jpeg('II', [[0x010f, 7]])), 1);
    assert.equal(jpegOrientation(jpeg('II', [[0x0112, 9]])), 1);
    assert.equal(jpegOrientation(jpeg('II', [[0x0112, 6]]).subarray(0, 20)), 1);
    assert.equal(jpegOrientation(Buffer.from([0x89, 0x50, 0x4e, 0x47])), 1);
    assert.equal(jpegOrientation(new Uint8Array(0)), 1);
  });
});
