import type { RawPage } from './types.ts';
import { ocrDashRun } from '../text/ocr.ts';

/**
 * Whether text came from OCR rather than a PDF's text layer. A text layer holds what the
 * typesetter set: full-width punctuation, curly quotes, real dashes. OCR (Tesseract's chi_sim)
 * swaps in ASCII `,:;` and straight quotes after ideographs, reads ——— as 一一 or 一-一, and
 * mixes bracket shapes (【组织点评]). Rules that weigh one reading of a title against another
 * (where a text layer's readings differ only because the book differs) run on OCR text only.
 */

const SIGNS: RegExp[] = [
  // ASCII punctuation right after an ideograph.
  /\p{Script=Han}[,:;](?=\s*\p{Script=Han})/u,
  // Straight double quotes in Chinese text.
  /\p{Script=Han}\s*"|"\s*\p{Script=Han}/u,
  // Two opening (or two closing) double quotes with no other between: print nests ‘’ inside “”, never ““.
  /“[^”]*“|”[^“]*”/,
  // A quote before a running footer's page number: an opening one, or a closing one glued to it (OCR's speck).
  /[“"]\s*\d{1,3}$|”\d{1,3}$/,
  // Mismatched brackets around a short label.
  /^[【〔[(（][^】〕\])）]{1,8}[】〕\])）]$/,
];

const MISMATCHED = new Map([
  ['【', '】'],
  ['〔', '〕'],
  ['[', ']'],
  ['(', ')'],
  ['（', '）'],
]);

function signOf(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  // A dash run read as ideographs and hyphens before a name.
  if (/^(?:一[-—\s]*一|[-—]一|一[-—])/.test(text) && ocrDashRun(text).count > 0) return true;
  for (let k = 0; k < SIGNS.length; k++) {
    if (!SIGNS[k]!.test(text)) continue;
    if (k < SIGNS.length - 1) return true;
    // A label whose closing bracket does not answer its opening one.
    return MISMATCHED.get(text[0]!) !== text[text.length - 1];
  }
  return false;
}

/** Share of non-blank lines that show an OCR sign, and whether that is enough to call the text OCR. */
export function ocrEvidence(pages: readonly RawPage[]): { lines: number; signs: number; likely: boolean } {
  let lines = 0;
  let signs = 0;
  for (const p of pages) {
    for (const l of p.lines) {
      if (l.trim().length === 0) continue;
      lines++;
      if (signOf(l)) signs++;
    }
  }
  // A typed text layer may hold a stray ASCII comma or two; OCR leaves one on every few pages.
  // Pages the caller knows were OCR'd (most of those with text) settle it: a clean reading may show few signs.
  const read = pages.filter((p) => p.lines.some((l) => l.trim().length > 0));
  const known = read.length > 0 && read.filter((p) => p.ocr === true).length * 2 >= read.length;
  const likely = known || (signs >= 3 && signs >= pages.length * 0.2);
  return { lines, signs, likely };
}
