import type { RawPage } from './types.ts';

/**
 * Splits decoded text into pages. pdftotext and Tesseract end every page with a form feed, which
 * then sits at the start of the next page's first line. Some copies of such text have the form
 * feed turned into a single space: a line that starts with exactly one space (or is one space)
 * then marks a page start, provided such lines are rare (in a layout-preserving extraction many
 * lines start with spaces, and those are not page marks).
 */
export function splitPages(text: string): RawPage[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
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
