import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readableTextOn, TAG_PALETTE, TagColor } from '../../../../shared/model/tags.ts';

test('a tag colour is #rrggbb (lowercased) or empty; nothing else passes', () => {
  assert.equal(TagColor.parse('#3B73C4'), '#3b73c4');
  assert.equal(TagColor.parse(' #3b73c4 '), '#3b73c4');
  assert.equal(TagColor.parse(''), '');
  for (const bad of ['red', '#fff', '#12345g', '3b73c4', '#3b73c4ff', '#3b73c4;x']) {
    assert.equal(TagColor.safeParse(bad).success, false, bad);
  }
});

test('the palette has eight distinct valid colours, and text on each reaches WCAG AA contrast (4.5:1)', () => {
  assert.equal(TAG_PALETTE.length, 8);
  assert.equal(new Set(TAG_PALETTE.map((p) => p.color)).size, 8);
  for (const { color } of TAG_PALETTE) {
    assert.equal(TagColor.parse(color), color);
    assert.ok(contrast(color, readableTextOn(color)) >= 4.5, `${color} with ${readableTextOn(color)}`);
  }
});

test('dark text on light colours, white on dark ones', () => {
  assert.equal(readableTextOn('#f2c94c'), '#1f2328');
  assert.equal(readableTextOn('#ffffff'), '#1f2328');
  assert.equal(readableTextOn('#3b73c4'), '#ffffff');
  assert.equal(readableTextOn('#000000'), '#ffffff');
});

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const ch = (i: number) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
