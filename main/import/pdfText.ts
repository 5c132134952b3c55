import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/ipc/errors.ts';
import type { LineBox, ProgressFn, RawPage } from '../../shared/import/types.ts';
import { normalizeRadicals } from '../../shared/text/radicals.ts';

export interface ExtractOptions {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

export interface ExtractedPdf {
  pages: RawPage[];
  pageCount: number;
  /** False when no page carries any text (an image-only scan). */
  hasText: boolean;
}

/** A text run placed on the page: baseline origin (x, y) in PDF units, advance width, font size. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** The run's face, from its font's name (see `faceOf`): absent = a regular face. */
  face?: Face;
}

/**
 * A font face as far as the layout cares: `bold` = a bold, heavy or black weight (or a display face
 * such as 小标宋); `sans` = a Hei (gothic, sans) face, which reads as heavy in a book set in Song.
 */
export type Face = 'bold' | 'sans';

// Predefined CMaps (UniGB-UCS2-H, GBK-EUC-H…) are needed to read CID fonts of Chinese PDFs that carry no
// ToUnicode table. Resolved from the installed package; without them pdf.js still reads ToUnicode fonts.
const CMAP_URL: string | undefined = (() => {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
  } catch {
    return undefined;
  }
})();

function cancelled(): AppError {
  return new AppError('CANCELLED', 'PDF import cancelled');
}

/** A pdf.js error as the AppError the user sees (also for the OCR's own PDF reading, main/ocr/sources.ts). */
export function pdfAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    // pdf.js: code 1 = a password is needed, 2 = the one given is wrong.
    const code = (err as { code?: number }).code;
    return new AppError('IMPORT_PDF_ENCRYPTED', 'The PDF is password-protected', {
      reason: code === 2 ? 'wrong-password' : 'password-needed',
    });
  }
  return new AppError('IMPORT_PDF_BROKEN', 'The PDF cannot be read', { reason: message });
}

/**
 * Opens a PDF with pdf.js (no DOM, no worker thread of its own: works in Node's main thread and in a
 * worker_thread alike), runs `use`, and always destroys the loading task. pdf.js errors become AppErrors.
 */
export async function withPdf<T>(
  bytes: Uint8Array,
  signal: AbortSignal | undefined,
  use: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw cancelled();
  let task: ReturnType<typeof pdfjs.getDocument> | undefined;
  const onAbort = (): void => void task?.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    task = pdfjs.getDocument({
      // A plain Uint8Array copy: pdf.js refuses Buffers and may detach the buffer it is given.
      data: new Uint8Array(bytes),
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      disableFontFace: true,
      // Font names (e.g. ABCDEF+NotoSerifCJKsc-Bold) tell bold from regular faces: see extractPdfPages.
      fontExtraProperties: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    const doc = await task.promise;
    return await use(doc);
  } catch (err) {
    throw signal?.aborted ? cancelled() : pdfAppError(err);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await task?.destroy();
  }
}

// Characters set on a full em in CJK type: ideographs, kana, full-width forms and CJK punctuation,
// curly quotes, the ellipsis and dashes.
const FULL_WIDTH =
  /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F\u2018\u2019\u201C\u201D\u2026\u2014\u2015\u00B7\u{20000}-\u{3FFFF}]/u;
const LEADER = /[\u2026.·]/;

const LEADER_CHARS = '\u2026.·';
const NOT_LEADER_FULL_WIDTH = `(?![${LEADER_CHARS}])${FULL_WIDTH.source}`;
const SPACE_BETWEEN_FULL_WIDTH = new RegExp(`(?<=${FULL_WIDTH.source}) +(?=${FULL_WIDTH.source})`, 'gu');
const SPACE_BETWEEN_NON_LEADERS = new RegExp(
  `(?<=${NOT_LEADER_FULL_WIDTH}) +(?=${NOT_LEADER_FULL_WIDTH})|(?<=[${LEADER_CHARS}]) +(?=[${LEADER_CHARS}])`,
  'gu',
);
const SPACE_BY_FULL_WIDTH = new RegExp(`(?<=${FULL_WIDTH.source}) +| +(?=${FULL_WIDTH.source})`, 'gu');
/** Single ASCII characters each followed by one space: one letter-spaced word ("O f f i c e", "9 8 . 5 %"). */
const TRACKED_ASCII = /(?<![\x21-\x7e])[\x21-\x7e](?: [\x21-\x7e])+(?![\x21-\x7e])/g;
/** Tracking from which a line counts as letter-spaced (justified): pdf.js writes a space from 0.102 em. */
const TRACKED = 0.08;

/**
 * Removes the spaces pdf.js writes into a run where glyphs stand 0.1–0.6 em apart (a printed phrase gap
 * is ≈ 1 em and gets a run of its own). Between two full-width characters that is never a word space,
 * except text against a dot leader on an untracked line (TOC: `党支部 …… 123`, spaced as pdftotext does).
 * On a letter-spaced line the spaces next to CJK are tracking too, and a word spelled out by tracking
 * ("O f f i c e") is closed up. `keepGaps` (see `hasIsolatedGaps`) keeps the spaces between full-width
 * characters of an untracked line.
 */
export function closeTracking(str: string, tracking: number, keepGaps = false): string {
  if (tracking < TRACKED) return str.replace(keepGaps ? SPACE_BETWEEN_LEADERS : SPACE_BETWEEN_NON_LEADERS, '');
  return str
    .replace(SPACE_BETWEEN_FULL_WIDTH, '')
    .replace(SPACE_BY_FULL_WIDTH, '')
    .replace(TRACKED_ASCII, (m) => m.replace(/ /g, ''));
}

const SPACE_BETWEEN_LEADERS = new RegExp(`(?<=[${LEADER_CHARS}]) +(?=[${LEADER_CHARS}])`, 'gu');
const NOT_LEADER_FW = new RegExp(`^${NOT_LEADER_FULL_WIDTH}$`, 'u');

/**
 * On an untracked line pdf.js spaces glyphs that stand apart: when it does so between most full-width
 * pairs of a line, the glyphs were spread; a space or two among many tight pairs is a real gap (a TOC
 * title's phrase break set with a word space, `拓宽服务领域 创先争优促发展`) and stays.
 */
export function hasIsolatedGaps(str: string): boolean {
  const chars = Array.from(str);
  let tight = 0;
  let spaced = 0;
  for (let i = 1; i < chars.length; i++) {
    if (!NOT_LEADER_FW.test(chars[i]!)) continue;
    if (NOT_LEADER_FW.test(chars[i - 1]!)) tight++;
    else if (chars[i - 1] === ' ') {
      let j = i - 1;
      while (j > 0 && chars[j] === ' ') j--;
      if (NOT_LEADER_FW.test(chars[j]!)) spaced++;
    }
  }
  return spaced > 0 && spaced <= 2 && tight >= 4 * spaced;
}

/** Gap (in em, after removing the line's tracking) from which a space is inserted between two runs. */
function spaceThreshold(left: string, right: string, fullWidthGap: number): number {
  if (LEADER.test(left) !== LEADER.test(right)) return 0.2; // text against a dot leader, as pdftotext spaces it
  if (FULL_WIDTH.test(left) && FULL_WIDTH.test(right)) return fullWidthGap; // only a deliberate gap counts
  return 0.15; // Latin or digits on either side: a word space is ≈ 0.23 em
}

/**
 * Letter spacing of a line in em (justified CJK is spread by −0.03…+0.1 em, sparse lines more), from its
 * runs of ≥ 2 full-width characters: n glyphs advance n em plus n − 1 gaps. Median over runs, never < 0.
 */
export function lineTracking(runs: readonly PlacedText[]): number {
  const spacing: number[] = [];
  for (const r of runs) {
    const chars = Array.from(r.str).filter((c) => c !== ' ');
    if (chars.length >= 2 && r.size > 0 && chars.every((c) => FULL_WIDTH.test(c) && !LEADER.test(c))) {
      spacing.push((r.width / r.size - chars.length) / (chars.length - 1));
    }
  }
  if (spacing.length === 0) return spreadTracking(runs);
  spacing.sort((x, y) => x - y);
  return Math.max(0, spacing[Math.floor(spacing.length / 2)] ?? 0);
}

/**
 * Tracking of a line with no run of full-width characters alone to measure (CJK mixed with digits or
 * Latin in every run) but spread out: pdf.js then spaces every glyph (`活 动 室 8 个 … O f f i c e`).
 * Estimated from such runs' widths (Latin and digits taken as 0.55 em); never below `TRACKED`. 0 when
 * no run is spaced so.
 */
function spreadTracking(runs: readonly PlacedText[]): number {
  const estimates: number[] = [];
  for (const r of runs) {
    const parts = r.str.trim().split(' ');
    const singles = parts.filter((p) => Array.from(p).length === 1).length;
    if (parts.length < 6 || singles < parts.length * 0.8 || r.size <= 0) continue;
    const chars = Array.from(parts.join(''));
    const natural = chars.reduce((w, c) => w + (FULL_WIDTH.test(c) ? 1 : 0.55), 0);
    estimates.push((r.width / r.size - natural) / (chars.length - 1));
  }
  if (estimates.length === 0) return 0;
  estimates.sort((x, y) => x - y);
  return Math.max(TRACKED, estimates[Math.floor(estimates.length / 2)]!);
}

function joinLine(runs: PlacedText[]): string {
  runs.sort((a, b) => a.x - b.x);
  const tracking = lineTracking(runs);
  // An untracked line may set a phrase break with a word space (≈ 0.25 em) between full-width
  // glyphs: kept when such gaps are isolated (see `hasIsolatedGaps`); else only an em gap counts.
  if (tracking < TRACKED) {
    const spaced = assemble(runs, tracking, true, 0.2);
    if (hasIsolatedGaps(spaced)) return normalizeRadicals(spaced);
  }
  return normalizeRadicals(assemble(runs, tracking, false, 0.8));
}

function assemble(runs: readonly PlacedText[], tracking: number, keepGaps: boolean, fullWidthGap: number): string {
  let out = '';
  let prev: PlacedText | null = null;
  for (const r of runs) {
    if (prev !== null) {
      // The same string drawn twice at the same spot is a fake-bold overprint, not text.
      if (r.str === prev.str && Math.abs(r.x - prev.x) < 0.1 * r.size) continue;
      const em = Math.max(prev.size, r.size) || 1;
      const gap = (r.x - (prev.x + prev.width)) / em - tracking;
      const left = out.trimEnd().slice(-1);
      const right = r.str.trimStart().slice(0, 1);
      const threshold = spaceThreshold(left, right, fullWidthGap);
      if (left !== '' && right !== '' && gap >= threshold && !out.endsWith(' ')) out += ' ';
    }
    out += closeTracking(r.str, tracking, keepGaps);
    prev = r;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Runs grouped into printed lines: baselines within 0.4 em of each other; lines top to bottom. */
function groupLines(runs: readonly PlacedText[]): PlacedText[][] {
  const text = runs.filter((r) => r.str.trim() !== '');
  text.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PlacedText[][] = [];
  let current: PlacedText[] = [];
  let top = 0;
  let size = 0;
  for (const r of text) {
    if (current.length > 0 && top - r.y > 0.4 * Math.max(size, r.size)) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) {
      top = r.y;
      size = r.size;
    }
    current.push(r);
    size = Math.max(size, r.size);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Rebuilds printed lines from positioned text runs: runs whose baselines lie within 0.4 em of each other
 * form one line; lines go top to bottom, runs left to right. Whitespace-only runs are dropped (the gaps
 * decide spacing). Radicals are folded to ideographs.
 */
export function linesFromRuns(runs: readonly PlacedText[]): string[] {
  return groupLines(runs)
    .map(joinLine)
    .filter((l) => l !== '');
}

/** A line's box before the volume's faces are known: its runs' faces in reading order, by characters. */
export interface DraftBox {
  x0: number;
  x1: number;
  baseline: number;
  fontSize: number;
  /** Non-space characters of each run, left to right, with the run's face (`fake` = overprinted). */
  segments: { chars: number; face: Face | 'fake' | null }[];
}

/**
 * `linesFromRuns` with each line's box (parallel to the lines), in a page of height `height` whose
 * origin is (`left`, `bottom`): y grows downwards from the page's top. A run printed again over itself
 * (within 0.1 em: fake bold) counts as bold and once.
 */
export function layoutLines(
  runs: readonly PlacedText[],
  page: { left: number; bottom: number; height: number },
): { lines: string[]; boxes: DraftBox[] } {
  const lines: string[] = [];
  const boxes: DraftBox[] = [];
  for (const group of groupLines(runs)) {
    const line = joinLine(group); // sorts the group left to right
    if (line === '') continue;
    lines.push(line);
    boxes.push(draftBox(group, page));
  }
  return { lines, boxes };
}

function draftBox(group: readonly PlacedText[], page: { left: number; bottom: number; height: number }): DraftBox {
  let x0 = Infinity;
  let x1 = -Infinity;
  let main = group[0]!;
  const segments: DraftBox['segments'] = [];
  let prev: PlacedText | null = null;
  for (const r of group) {
    x0 = Math.min(x0, r.x);
    x1 = Math.max(x1, r.x + r.width);
    if (r.size > main.size) main = r;
    // Same test as `assemble`: an overprint adds no text but makes what it covers bold.
    if (prev !== null && r.str === prev.str && Math.abs(r.x - prev.x) < 0.1 * r.size) {
      segments[segments.length - 1]!.face = 'fake';
      continue;
    }
    segments.push({ chars: r.str.replace(/\s/g, '').length, face: r.face ?? null });
    prev = r;
  }
  return {
    x0: x0 - page.left,
    x1: x1 - page.left,
    baseline: page.height - (main.y - page.bottom),
    fontSize: main.size,
    segments,
  };
}

/**
 * Final boxes from draft ones: bold when every character is in a bold face (or overprinted, or in a
 * Hei face while the body is not: `sansIsHeavy`); `boldStart` = leading non-space characters in such a
 * face when only the start is.
 */
export function finishBox(d: DraftBox, sansIsHeavy: boolean): LineBox {
  const heavy = (f: DraftBox['segments'][number]['face']): boolean =>
    f === 'bold' || f === 'fake' || (f === 'sans' && sansIsHeavy);
  let total = 0;
  let lead = 0;
  let leading = true;
  for (const s of d.segments) {
    total += s.chars;
    if (leading && heavy(s.face)) lead += s.chars;
    else if (s.chars > 0) leading = false;
  }
  const box: LineBox = { x0: d.x0, x1: d.x1, baseline: d.baseline, fontSize: d.fontSize, bold: total > 0 && lead === total };
  if (lead > 0 && lead < total) box.boldStart = lead;
  return box;
}

// Weights and display faces that read as bold: Latin names (Bold, Heavy, Black, SemiBold, DemiBold,
// ExtraBold, UltraBold, W6–W9, Medium is not), 方正小标宋/大标宋/粗宋 and 华文中宋 (title faces), and
// Chinese names (粗, 黑 aside: a Hei face is `sans`).
const BOLD_NAME =
  /bold|heavy|black|fat|(?:^|[-_,+ ])W[6-9](?:$|[-_, ])|xbs|dbs|biaosong|zhongsong|cusong|STZhongsong|粗|标宋|中宋|大宋/i;
// Hei (gothic, sans) faces: SimHei, STHeiti, 方正黑体 (FZHei, FZHT…), Source Han Sans, Noto Sans, YaHei…
const SANS_NAME = /hei|sans|gothic|yahei|FZH[TK]|FZ(?:Zh|D)HT|黑/i;

/** The face a font's name says (subset tag and all): GBK names (宋体 as `ËÎÌå`) are read as GBK. */
export function faceOf(name: string | undefined): Face | undefined {
  if (!name) return undefined;
  const bare = decodeLatin1Gbk(name.replace(/^[A-Z]{6}\+/, ''));
  if (BOLD_NAME.test(bare)) return 'bold';
  if (SANS_NAME.test(bare)) return 'sans';
  return undefined;
}

function decodeLatin1Gbk(name: string): string {
  if (!/[\x80-\xff]/.test(name) || Array.from(name).some((c) => c.charCodeAt(0) > 0xff)) return name;
  try {
    return new TextDecoder('gbk').decode(Uint8Array.from(name, (c) => c.charCodeAt(0)));
  } catch {
    return name;
  }
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

function placed(items: readonly TextItemLike[], faces: ReadonlyMap<string, Face | undefined>, stroked: string): PlacedText[] {
  const out: PlacedText[] = [];
  for (const it of items) {
    const t = it.transform;
    if (typeof it.str !== 'string' || t === undefined || t.length < 6) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = t;
    // Rotated text (b or c ≠ 0) is laid out as if horizontal; books rarely carry any.
    const run: PlacedText = { str: it.str, x, y, width: it.width ?? 0, size: Math.hypot(c, d) || Math.hypot(a, b) };
    const face = it.fontName === undefined ? undefined : faces.get(it.fontName);
    const key = it.str.replace(/\s/g, '');
    // Text filled and stroked (render mode 2) is the other fake bold.
    if (face) run.face = face;
    else if (key !== '' && stroked.includes(key)) run.face = 'bold';
    out.push(run);
  }
  return out;
}

/** A rectangle in page units, y growing downwards. */
interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface OperatorListLike {
  fnArray: number[];
  argsArray: unknown[];
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const STROKE_OPS = new Set([
  pdfjs.OPS.stroke,
  pdfjs.OPS.closeStroke,
  pdfjs.OPS.fillStroke,
  pdfjs.OPS.eoFillStroke,
  pdfjs.OPS.closeFillStroke,
  pdfjs.OPS.closeEOFillStroke,
]);

/** Whether path data (pdf.js DrawOPS: 0 moveTo, 1 lineTo, 4 closePath) is one axis-aligned rectangle. */
function isRectanglePath(data: ArrayLike<number>): boolean {
  const n = data.length;
  if ((n !== 13 && n !== 16 && n !== 17) || data[0] !== 0) return false;
  for (let i = 3; i < 12; i += 3) if (data[i] !== 1) return false;
  const xs = new Set<number>();
  const ys = new Set<number>();
  for (let i = 0; i < 12; i += 3) {
    xs.add(Math.round(data[i + 1]! * 10));
    ys.add(Math.round(data[i + 2]! * 10));
  }
  return xs.size === 2 && ys.size === 2;
}

/**
 * What the page's operators add to its text: stroked rectangles (frames around a block of text, such as
 * the 〔组织点评〕 box), in page units with y downwards, and the text drawn filled and stroked (fake bold).
 */
function readOperators(
  ops: OperatorListLike,
  page: { left: number; bottom: number; height: number },
): { frames: Rect[]; stroked: string } {
  const frames: Rect[] = [];
  const stroked: string[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let mode = 0;
  const stack: { ctm: Matrix; mode: number }[] = [];
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === pdfjs.OPS.save) stack.push({ ctm, mode });
    else if (fn === pdfjs.OPS.restore) ({ ctm, mode } = stack.pop() ?? { ctm, mode });
    else if (fn === pdfjs.OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === pdfjs.OPS.setTextRenderingMode && args) mode = Number(args[0]);
    else if (fn === pdfjs.OPS.showText && mode === 2 && args && Array.isArray(args[0])) {
      stroked.push(
        (args[0] as unknown[])
          .map((g) => (typeof g === 'object' && g !== null ? String((g as { unicode?: string }).unicode ?? '') : ''))
          .join(''),
      );
    } else if (fn === pdfjs.OPS.constructPath && args && STROKE_OPS.has(args[0] as number)) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      const box = args[2] as ArrayLike<number> | null | undefined;
      if (!data || !box || !isRectanglePath(data)) continue;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [x, y] of [
        [box[0]!, box[1]!],
        [box[2]!, box[3]!],
      ] as const) {
        xs.push(ctm[0] * x + ctm[2] * y + ctm[4] - page.left);
        ys.push(page.height - (ctm[1] * x + ctm[3] * y + ctm[5] - page.bottom));
      }
      frames.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
    }
  }
  return { frames, stroked: stroked.join('\n').replace(/\s/g, '') };
}

/** Marks the boxes that lie inside a frame at least two lines tall and holding at least two lines. */
function markFramed(boxes: LineBox[], frames: readonly Rect[]): void {
  for (const f of frames) {
    const inside = boxes.filter(
      (b) =>
        b.x0 >= f.x0 - 1 &&
        b.x1 <= f.x1 + 1 &&
        b.baseline > f.y0 &&
        b.baseline - b.fontSize * 0.8 < f.y1 &&
        b.baseline <= f.y1 + 1,
    );
    if (inside.length < 2 || f.y1 - f.y0 < 2 * inside[0]!.fontSize) continue;
    for (const b of inside) b.framed = true;
  }
}

/** Faces of the fonts pdf.js has handed over so far, by loaded name; the font objects are then let go. */
function collectFaces(
  commonObjs: Iterable<[string, unknown]> & { delete(id: string): boolean },
  faces: Map<string, Face | undefined>,
): void {
  const seen: string[] = [];
  for (const [id, data] of commonObjs) {
    const name = (data as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && !faces.has(id)) faces.set(id, faceOf(name));
    seen.push(id);
  }
  // Kept whole (font files included) while fontExtraProperties is on: only the name was wanted.
  for (const id of seen) commonObjs.delete(id);
}

/**
 * Reads the text layer of a PDF into pages of lines in reading order (`startLine` = running line count),
 * each line with its box (position, size, bold: see `finishBox`) and each page with its size.
 * Throws AppError IMPORT_PDF_ENCRYPTED (password needed), IMPORT_PDF_BROKEN (not a readable PDF) or
 * CANCELLED (signal aborted). Reports progress per page in phase 'pdf'.
 */
export async function extractPdfPages(bytes: Uint8Array, opts: ExtractOptions = {}): Promise<ExtractedPdf> {
  const { onProgress, signal } = opts;
  return withPdf(bytes, signal, async (doc) => {
    const drafts: { page: RawPage; boxes: DraftBox[]; frames: Rect[] }[] = [];
    const faces = new Map<string, Face | undefined>();
    let startLine = 0;
    let hasText = false;
    // Characters per face, to tell whether Hei text stands out (a book set in Song) or is the body.
    let sansChars = 0;
    let allChars = 0;
    onProgress?.({ phase: 'pdf', done: 0, total: doc.numPages });
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw cancelled();
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      const frame = { left, bottom, height: top - bottom };
      let operators: { frames: Rect[]; stroked: string } = { frames: [], stroked: '' };
      if (content.items.length > 0) {
        // The operator list hands the fonts (and their names) over, and holds the frames and stroked text.
        // It only adds to the text: a page whose operators pdf.js cannot read keeps its text, unstyled.
        try {
          operators = readOperators(await page.getOperatorList(), frame);
        } catch (err) {
          if (signal?.aborted) throw err;
        }
        collectFaces(page.commonObjs as unknown as Parameters<typeof collectFaces>[0], faces);
      }
      const { lines, boxes } = layoutLines(placed(content.items as TextItemLike[], faces, operators.stroked), frame);
      page.cleanup();
      if (lines.length > 0) hasText = true;
      for (const b of boxes)
        for (const s of b.segments) {
          allChars += s.chars;
          if (s.face === 'sans') sansChars += s.chars;
        }
      drafts.push({
        page: { index: n - 1, lines, startLine, size: { width: right - left, height: top - bottom } },
        boxes,
        frames: operators.frames,
      });
      startLine += lines.length;
      onProgress?.({ phase: 'pdf', done: n, total: doc.numPages });
    }
    const sansIsHeavy = sansChars < allChars / 2;
    const pages = drafts.map(({ page, boxes, frames }) => {
      if (boxes.length === 0) return page;
      const finished = boxes.map((b) => finishBox(b, sansIsHeavy));
      markFramed(finished, frames);
      return { ...page, boxes: finished };
    });
    return { pages, pageCount: doc.numPages, hasText };
  });
}
