import type { LineBox, LineGeo, RawPage } from './types.ts';

/**
 * Line geometry read against the page (issue 9 §1): where the source has line boxes (a PDF's text
 * layer, an OCR engine's lines), each line's size, weight, indent, right gap, alignment and the space
 * above it, in ems of the volume's body text. Pure; the rules that use it fall back to the text's
 * shape when a line has none.
 */

/** The body text's column on a page: its left and right edges, in page units. */
export interface Column {
  left: number;
  right: number;
}

/** What a volume's boxes say about its body text. */
export interface VolumeGeometry {
  /** Font size of the body text: the size most characters are set in. */
  bodySize: number;
  /** Usual distance between the baselines of two body lines. */
  pitch: number;
  /** Column of the even-indexed and odd-indexed pages (mirrored margins), and of all pages together. */
  even: Column;
  odd: Column;
  all: Column;
  /** Usual baseline of a page's first line of body text (for the space above a page's first line). */
  top: number;
}

/** Rounded key for histograms of sizes and positions (to a tenth, or `step`). */
function key(x: number, step = 0.1): number {
  return Math.round(x / step) * step;
}

/** The most frequent key of weighted values (the larger key wins a tie), or null for none. */
function mode(values: Iterable<[number, number]>): { value: number; weight: number } | null {
  const counts = new Map<number, number>();
  for (const [v, w] of values) counts.set(v, (counts.get(v) ?? 0) + w);
  let best: { value: number; weight: number } | null = null;
  for (const [value, weight] of counts) {
    if (!best || weight > best.weight || (weight === best.weight && value > best.value)) best = { value, weight };
  }
  return best;
}

const isBodySize = (b: LineBox, bodySize: number): boolean => Math.abs(b.fontSize / bodySize - 1) < 0.04;

/** A column from body-size boxes: the usual left edge (unindented lines) and right edge (full lines). */
function columnOf(boxes: readonly LineBox[], bodySize: number, minSupport: number): Column | null {
  const body = boxes.filter((b) => isBodySize(b, bodySize));
  // Positions to a fifth of an em: justified lines share their edges within rounding.
  const step = bodySize / 5;
  const left = mode(body.map((b) => [key(b.x0, step), 1]));
  const right = mode(body.map((b) => [key(b.x1, step), 1]));
  if (!left || !right || left.weight < minSupport || right.weight < minSupport || right.value - left.value < 4 * bodySize)
    return null;
  return { left: left.value, right: right.value };
}

/**
 * The volume's body size, line pitch and columns, from the boxes of all its pages (null when no page
 * has boxes, or no text of one size runs over enough lines to say).
 */
export function volumeGeometry(pages: readonly RawPage[]): VolumeGeometry | null {
  const sizes: [number, number][] = [];
  for (const p of pages) {
    if (!p.boxes) continue;
    p.boxes.forEach((b, i) => sizes.push([key(b.fontSize), Array.from(p.lines[i] ?? '').length]));
  }
  const body = mode(sizes);
  if (!body || body.value <= 0) return null;
  const bodySize = body.value;
  const pitches: [number, number][] = [];
  const tops: [number, number][] = [];
  const byParity: LineBox[][] = [[], []];
  for (const p of pages) {
    if (!p.boxes) continue;
    let first = true;
    p.boxes.forEach((b, i) => {
      if (!isBodySize(b, bodySize)) return;
      byParity[p.index % 2]!.push(b);
      if (first) tops.push([key(b.baseline, bodySize / 5), 1]);
      first = false;
      const prev = p.boxes![i - 1];
      if (prev && isBodySize(prev, bodySize)) {
        const d = b.baseline - prev.baseline;
        if (d > 0.9 * bodySize && d < 3 * bodySize) pitches.push([key(d, bodySize / 20), 1]);
      }
    });
  }
  const all = columnOf([...byParity[0]!, ...byParity[1]!], bodySize, 3);
  if (!all) return null;
  return {
    bodySize,
    pitch: mode(pitches)?.value ?? bodySize * 1.5,
    even: columnOf(byParity[0]!, bodySize, 3) ?? all,
    odd: columnOf(byParity[1]!, bodySize, 3) ?? all,
    all,
    top: mode(tops)?.value ?? 0,
  };
}

/** A page's column: its own when enough body lines show it, else that of its side of the spread. */
export function pageColumn(page: RawPage, vol: VolumeGeometry): Column {
  const side = page.index % 2 === 0 ? vol.even : vol.odd;
  const own = page.boxes ? columnOf(page.boxes, vol.bodySize, 4) : null;
  // A page's own edges win only when they differ from its side's (a shifted scan, a page set apart).
  if (own && (Math.abs(own.left - side.left) > vol.bodySize || Math.abs(own.right - side.right) > vol.bodySize)) return own;
  return side;
}

/** Each line's geometry on its page (parallel to `page.lines`; empty when the page has no boxes). */
export function pageGeometry(page: RawPage, vol: VolumeGeometry): LineGeo[] {
  const boxes = page.boxes;
  if (!boxes || boxes.length !== page.lines.length) return [];
  const col = pageColumn(page, vol);
  const em = vol.bodySize;
  return boxes.map((b, i) => {
    const indentEm = (b.x0 - col.left) / em;
    const rightGapEm = (col.right - b.x1) / em;
    const prev = boxes[i - 1];
    const spaceAbove = prev ? (b.baseline - prev.baseline) / vol.pitch : Math.max(0, 1 + (b.baseline - vol.top) / vol.pitch);
    const geo: LineGeo = {
      size: b.fontSize / em,
      bold: b.bold,
      indentEm,
      rightGapEm,
      centred:
        indentEm >= 1 && rightGapEm >= 1 && Math.abs(indentEm - rightGapEm) <= Math.max(0.75, 0.04 * (indentEm + rightGapEm)),
      flushRight: rightGapEm <= 3 && indentEm >= rightGapEm + 4,
      spaceAbove,
    };
    if (b.boldStart !== undefined) geo.boldStart = b.boldStart;
    if (b.framed) geo.framed = true;
    return geo;
  });
}

/** Geometry for every line of every page (per page, parallel to its lines; [] for a page without boxes). */
export function linesGeometry(pages: readonly RawPage[]): LineGeo[][] {
  const vol = volumeGeometry(pages);
  return pages.map((p) => (vol ? pageGeometry(p, vol) : []));
}

// ---- Predicates for the rules (each takes a line's geometry; absent geometry answers false) ----

/** Set larger than the body text (by a tenth or more). */
export function isLarger(geo: LineGeo | undefined, than = 1): boolean {
  return geo !== undefined && geo.size >= than * 1.1;
}

/**
 * A title's look: much larger than the body and centred or bold, or bold and centred at any size
 * above the body's. (A case title, a foreword's title; never a line of running text.)
 */
export function isTitleLike(geo: LineGeo | undefined): boolean {
  if (!geo) return false;
  if (geo.size >= 1.3 && (geo.centred || geo.bold)) return true;
  return geo.bold && geo.centred && geo.size >= 1.05;
}

/**
 * A heading's look, as a line of its own: all bold, or larger than the text around it (`textSize`,
 * relative to the body: a foreword may be set larger than the cases) with space above, and not set as a
 * full line of running text (so not a bold lead sentence running on). `next` is the line after.
 */
export function isHeadingLike(geo: LineGeo | undefined, next?: LineGeo, textSize = 1): boolean {
  if (!geo) return false;
  // A bold first line whose bold runs on into the next line is a lead sentence, not a heading.
  if (next && (next.boldStart !== undefined || next.bold) && geo.bold && geo.rightGapEm < 1) return false;
  if (geo.bold) return true;
  // Leading grows with the type: the space above is weighed in lines of the larger size.
  return isLarger(geo, textSize) && geo.spaceAbove >= 1.3 * Math.max(geo.size, textSize);
}

/** Set flush right (a signature, an organisation under a title, a date). */
export function isSignatureLike(geo: LineGeo | undefined): boolean {
  return geo !== undefined && geo.flushRight && !geo.centred;
}
