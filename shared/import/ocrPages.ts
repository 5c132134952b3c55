import { ocrChar, ocrCharCount, type OcrLine, type OcrPage } from '../model/ocr.ts';
import { isCjk, lineWidth } from '../text/cjk.ts';
import type { LineBox, RawPage } from './types.ts';

/**
 * OCR pages as the import pipeline takes them: each OCR line a line of text with its box, so that the
 * geometry rules (titles larger and centred, organisations flush right, first-line indents) read a
 * scan as they read a PDF's text layer. Pure.
 *
 * Units: boxes are given in PDF points (image pixels × 72 / dpi), so that in a PDF whose pages are
 * part text layer, part scan, both kinds of page measure alike. A line's `fontSize` is its type size
 * as one character's advance (what `geometry.ts` counts indents and gaps in): OCR's row height runs
 * larger than that, so row heights are set to one value per size of type and scaled so that the body
 * text's size is its measured character pitch.
 */

/** Row heights within this ratio of each other are one size of type (blocks measure theirs apart). */
const SAME_SIZE = 1.07;
/** A line long enough to measure the character pitch on, and its slant (skew). */
const MEASURED_CHARS = 8;

/** A line of an OCR page in the deskewed frame, in points. */
interface Placed {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  /** OCR's row height: the line's type size in OCR's measure. */
  size: number;
  /** Characters the line counts for in the volume's size histogram. */
  weight: number;
  /** Measured advance per em of `lineWidth`, for long lines of full-width characters; else null. */
  pitch: number | null;
}

/**
 * Pages of a source as the pipeline takes them. `ocr[i]` is page i as OCR read it, or null for a page
 * whose text came otherwise (a PDF's text layer: `text[i]`, kept as it is; an empty page when absent).
 * An OCR'd page's line i is `OcrPage.lines[i]` (its text trimmed), so that a block's source lines lead
 * back to OCR's boxes and confidences. Lines are in OCR's reading order; `startLine` counts lines over
 * all pages.
 */
export function ocrRawPages(ocr: readonly (OcrPage | null)[], text: readonly RawPage[] = []): RawPage[] {
  const placed = ocr.map((p) => (p ? placeLines(p) : []));
  const scale = sizeScale(placed.flat());
  let startLine = 0;
  return ocr.map((page, index) => {
    let raw: RawPage;
    if (page) {
      const k = 72 / page.dpi;
      const lines = placed[index]!;
      const boxes: LineBox[] = lines.map((l) => ({
        x0: round(l.x0),
        x1: round(l.x1),
        baseline: round(l.baseline),
        fontSize: round(scale(l.size)),
        bold: false,
      }));
      raw = {
        index,
        lines: lines.map((l) => l.text),
        startLine,
        size: { width: round(page.width * k), height: round(page.height * k) },
        ocr: true,
      };
      if (boxes.length > 0) raw.boxes = boxes;
    } else {
      const t = text[index];
      raw = t ? { ...t, index, startLine } : { index, lines: [], startLine };
    }
    startLine += raw.lines.length;
    return raw;
  });
}

/** The plain text OCR read, as Tesseract prints it: lines, each page ended by a form feed. */
export function ocrText(pages: readonly (OcrPage | null)[]): string {
  return pages.map((p) => (p ? p.lines.map((l) => l.text).join('\n') + '\n' : '') + '\f').join('');
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** The lines of a page with text, deskewed (see `pageSlant`), in points. */
function placeLines(page: OcrPage): Placed[] {
  const k = 72 / page.dpi;
  const slant = pageSlant(page);
  const cos = Math.cos(Math.atan(slant));
  const sin = -Math.sin(Math.atan(slant));
  const cx = page.width / 2;
  const cy = page.height / 2;
  // Rotates a point of the image by the page's slant about its centre (text lines come out level), in points.
  const turn = (x: number, y: number): [number, number] => [
    (cx + (x - cx) * cos - (y - cy) * sin) * k,
    (cy + (x - cx) * sin + (y - cy) * cos) * k,
  ];
  const out: Placed[] = [];
  for (const line of page.lines) {
    const text = line.text.trim();
    const [left, top, right, bottom] = line.box;
    const mid = (top + bottom) / 2;
    const [x0] = turn(left, mid);
    const [x1] = turn(right, mid);
    const [, baseline] = turn(left, line.baseline);
    const chars = Array.from(text);
    const width = lineWidth(text);
    // Glyph boxes are too rough to size a line by (OCR's per-character boxes vary by half an em): the
    // line's extent over its characters is not, on a line of full-width characters only.
    const pitch = chars.length >= MEASURED_CHARS && chars.every(isCjk) && width > 1 ? (x1 - x0) / (width - 0.1) : null;
    out.push({ text, x0, x1, baseline, size: line.height * k, weight: chars.length, pitch });
  }
  return out;
}

/**
 * How far the page's text lines climb per pixel rightwards (a scan rotated by a degree or two): the
 * median over the lines of their glyphs' slope (Theil–Sen over glyphs of the line's usual height).
 * Read from the glyphs rather than OCR's reported skew: they show which frame the boxes are in.
 */
function pageSlant(page: OcrPage): number {
  const slopes: number[] = [];
  for (const line of page.lines) {
    const s = lineSlope(line);
    if (s !== null) slopes.push(s);
  }
  if (slopes.length < 3) return 0;
  const s = median(slopes);
  // More than ~5° is no scanner's skew but a misreading (or a page set sideways): leave it.
  return Math.abs(s) < 0.09 ? s : 0;
}

function lineSlope(line: OcrLine): number | null {
  const n = ocrCharCount(line);
  if (n < MEASURED_CHARS) return null;
  const boxes = Array.from({ length: n }, (_, k) => ocrChar(line, k).box);
  const usual = median(boxes.map((b) => b[3] - b[1]));
  const glyphs = boxes.filter((b) => Math.abs(b[3] - b[1] - usual) <= 0.1 * usual);
  const slopes: number[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    for (let j = i + 1; j < glyphs.length; j++) {
      const a = glyphs[i]!;
      const b = glyphs[j]!;
      const dx = (b[0] + b[2] - a[0] - a[2]) / 2;
      if (dx > usual) slopes.push((b[1] + b[3] - a[1] - a[3]) / 2 / dx);
    }
  }
  return slopes.length >= MEASURED_CHARS ? median(slopes) : null;
}

/**
 * From a row height to a type size as a character's advance (points): sizes are grouped into sizes of type (each within
 * SAME_SIZE of the next), each group takes its weighted median, and all are scaled by the body text's
 * measured pitch over its row height (1 when nothing measures it).
 */
function sizeScale(lines: readonly Placed[]): (size: number) => number {
  const sorted = lines.filter((l) => l.size > 0).sort((a, b) => a.size - b.size);
  const groups: Placed[][] = [];
  for (const l of sorted) {
    const g = groups[groups.length - 1];
    if (g && l.size <= g[0]!.size * SAME_SIZE) g.push(l);
    else groups.push([l]);
  }
  const sizeOf = new Map<number, number>();
  let body: { size: number; weight: number; pitch: number[] } | null = null;
  for (const g of groups) {
    const size = weightedMedian(g.map((l) => [l.size, l.weight]));
    let weight = 0;
    const pitch: number[] = [];
    for (const l of g) {
      sizeOf.set(l.size, size);
      weight += l.weight;
      if (l.pitch !== null) pitch.push(l.pitch);
    }
    if (!body || weight > body.weight) body = { size, weight, pitch };
  }
  const ratio = body && body.pitch.length > 0 ? median(body.pitch) / body.size : 1;
  return (size) => (sizeOf.get(size) ?? size) * ratio;
}

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function weightedMedian(pairs: readonly [number, number][]): number {
  const s = pairs.slice().sort((a, b) => a[0] - b[0]);
  const total = s.reduce((t, [, w]) => t + w, 0);
  let acc = 0;
  for (const [v, w] of s) {
    acc += w;
    if (acc * 2 >= total) return v;
  }
  return s[s.length - 1]![0];
}
