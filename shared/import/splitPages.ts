import type { RawPage } from './types.ts';

/**
 * Splits decoded text into pages. pdftotext and Tesseract end every page with a form feed, which
 * then sits at the start of the next page's first line. Some copies of such text have the form
 * feed turned into a single space: a line that starts with exactly one space (or is one space)
 * then marks a page start, provided such lines are rare (in a layout-preserving extraction many
 * lines start with spaces, and those are not page marks).
 */
export function splitPages(text: string): RawPage[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (text.includes('\f')) return splitOnFormFeeds(lines);
  return splitOnSpaceMarks(lines);
}

function splitOnFormFeeds(lines: string[]): RawPage[] {
  const pages: RawPage[] = [];
  let cur: RawPage = { index: 0, lines: [], startLine: 0 };
  lines.forEach((line, lineNo) => {
    const parts = line.split('\f');
    if (parts[0]!.length > 0 || parts.length === 1) cur.lines.push(parts[0]!);
    for (let k = 1; k < parts.length; k++) {
      pages.push(cur);
      cur = { index: pages.length, lines: [], startLine: lineNo };
      // A form feed at the very end of a line closes a page; its next line opens the next one.
      if (parts[k]!.length > 0 || k < parts.length - 1) cur.lines.push(parts[k]!);
      else cur.startLine = lineNo + 1;
    }
  });
  pages.push(cur);
  return dropEmptyTail(pages);
}

function splitOnSpaceMarks(lines: string[]): RawPage[] {
  const isMark = (l: string): boolean => l === ' ' || /^ \S/.test(l);
  const nonBlank = lines.filter((l) => l.trim().length > 0).length;
  const marks = lines.filter(isMark).length;
  if (marks === 0 || marks > Math.max(2, nonBlank * 0.25)) {
    return dropEmptyTail([{ index: 0, lines, startLine: 0 }]);
  }
  const pages: RawPage[] = [];
  let cur: RawPage = { index: 0, lines: [], startLine: 0 };
  lines.forEach((line, lineNo) => {
    if (isMark(line) && lineNo > 0) {
      pages.push(cur);
      cur = { index: pages.length, lines: [line.slice(1)], startLine: lineNo };
    } else cur.lines.push(line);
  });
  pages.push(cur);
  return dropEmptyTail(pages);
}

/** The page after the last page mark holds nothing when the text ends with the mark. */
function dropEmptyTail(pages: RawPage[]): RawPage[] {
  while (pages.length > 1 && pages[pages.length - 1]!.lines.every((l) => l.trim().length === 0)) pages.pop();
  return pages.map((p, i) => ({ ...p, index: i }));
}

/** A printed page holds a few thousand characters at most; a longer "page" is a text without page breaks. */
export const MAX_PAGE_CHARS = 5000;

/** Characters after which a long line is best cut: ends of sentences and clauses. */
const CUT_AFTER = new Set(['。', '！', '？', '；', '…', '.', '!', '?', ';']);

/**
 * Cuts pages longer than `max` characters (newlines counted) into pages of at most `max`: at line
 * ends where possible, a longer line at a sentence end in its last half, else anywhere (never
 * inside a surrogate pair). A continuation page starts on the line it was cut from. Nothing is
 * dropped: the pages' lines joined are the input's lines joined. `split` counts the pages cut.
 */
export function boundPages(pages: readonly RawPage[], max = MAX_PAGE_CHARS): { pages: RawPage[]; split: number } {
  const out: RawPage[] = [];
  let split = 0;
  for (const page of pages) {
    if (pageChars(page) <= max) {
      out.push(page);
      continue;
    }
    split++;
    let cur: RawPage = { index: 0, lines: [], startLine: page.startLine };
    let size = 0;
    const flush = (startLine: number): void => {
      out.push(cur);
      cur = { index: 0, lines: [], startLine };
      size = 0;
    };
    page.lines.forEach((line, i) => {
      const lineNo = page.startLine + i;
      let rest = line;
      while (size + rest.length > max) {
        if (cur.lines.length > 0 && (rest.length <= max || max - size < max / 4)) {
          flush(lineNo);
          continue;
        }
        const cut = cutPoint(rest, max - size);
        cur.lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        flush(lineNo);
      }
      cur.lines.push(rest);
      size += rest.length + 1;
    });
    if (cur.lines.length > 0) out.push(cur);
  }
  return { pages: out.map((p, i) => (p.index === i ? p : { ...p, index: i })), split };
}

function pageChars(page: RawPage): number {
  let n = 0;
  for (const line of page.lines) n += line.length + 1;
  return n;
}

/** Where to cut a line that does not fit in `room` characters (≥ 1). */
function cutPoint(s: string, room: number): number {
  for (let i = room - 1; i >= room / 2; i--) {
    if (CUT_AFTER.has(s[i]!)) return i + 1;
  }
  const code = s.charCodeAt(room - 1);
  return code >= 0xd800 && code <= 0xdbff && room > 1 ? room - 1 : room;
}
