import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/ipc/errors.ts';
import type { ProgressFn, RawPage } from '../../shared/import/types.ts';
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
}

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

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException')
    return new AppError('IMPORT_PDF_ENCRYPTED', 'The PDF is password-protected', { reason: message });
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
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    const doc = await task.promise;
    return await use(doc);
  } catch (err) {
    throw signal?.aborted ? cancelled() : toAppError(err);
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
  if (spacing.length === 0) return 0;
  spacing.sort((x, y) => x - y);
  return Math.max(0, spacing[Math.floor(spacing.length / 2)] ?? 0);
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

/**
 * Rebuilds printed lines from positioned text runs: runs whose baselines lie within 0.4 em of each other
 * form one line; lines go top to bottom, runs left to right. Whitespace-only runs are dropped (the gaps
 * decide spacing). Radicals are folded to ideographs.
 */
export function linesFromRuns(runs: readonly PlacedText[]): string[] {
  const text = runs.filter((r) => r.str.trim() !== '');
  text.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: string[] = [];
  let current: PlacedText[] = [];
  let top = 0;
  let size = 0;
  for (const r of text) {
    if (current.length > 0 && top - r.y > 0.4 * Math.max(size, r.size)) {
      lines.push(joinLine(current));
      current = [];
    }
    if (current.length === 0) {
      top = r.y;
      size = r.size;
    }
    current.push(r);
    size = Math.max(size, r.size);
  }
  if (current.length > 0) lines.push(joinLine(current));
  return lines.filter((l) => l !== '');
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
}

function placed(items: readonly TextItemLike[]): PlacedText[] {
  const out: PlacedText[] = [];
  for (const it of items) {
    const t = it.transform;
    if (typeof it.str !== 'string' || t === undefined || t.length < 6) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = t;
    // Rotated text (b or c ≠ 0) is laid out as if horizontal; books rarely carry any.
    out.push({ str: it.str, x, y, width: it.width ?? 0, size: Math.hypot(c, d) || Math.hypot(a, b) });
  }
  return out;
}

/**
 * Reads the text layer of a PDF into pages of lines in reading order (`startLine` = running line count).
 * Throws AppError IMPORT_PDF_ENCRYPTED (password needed), IMPORT_PDF_BROKEN (not a readable PDF) or
 * CANCELLED (signal aborted). Reports progress per page in phase 'pdf'.
 */
export async function extractPdfPages(bytes: Uint8Array, opts: ExtractOptions = {}): Promise<ExtractedPdf> {
  const { onProgress, signal } = opts;
  return withPdf(bytes, signal, async (doc) => {
    const pages: RawPage[] = [];
    let startLine = 0;
    let hasText = false;
    onProgress?.({ phase: 'pdf', done: 0, total: doc.numPages });
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw cancelled();
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = linesFromRuns(placed(content.items as TextItemLike[]));
      page.cleanup();
      if (lines.length > 0) hasText = true;
      pages.push({ index: n - 1, lines, startLine });
      startLine += lines.length;
      onProgress?.({ phase: 'pdf', done: n, total: doc.numPages });
    }
    return { pages, pageCount: doc.numPages, hasText };
  });
}
