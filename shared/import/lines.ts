import type { LineGeo, RawPage } from './types.ts';
import { linesGeometry } from './geometry.ts';
import type { ChangeLog, Where } from './changeLog.ts';
import { splitLabel, type Vocabulary } from './vocabulary.ts';
import { endsSentence, lineWidth } from '../text/cjk.ts';
import {
  curlyQuotes,
  fullwidthPunct,
  stripFffd,
  stripLeaders,
  stripOrphanSeparators,
  stripStrayQuotes,
} from '../text/garbage.ts';
import { collapseLetterspacing, collapseSpaces } from '../text/spacing.ts';
import { isStrayLine, ocrDashRun, ocrDigitLookalikes, ocrFullStop, ocrHyphenYi, ocrLabel, ocrPercent } from '../text/ocr.ts';

/** One printed line after garbage removal; spacing rules come later, once its role is known. */
export interface Line {
  /** Page index. */
  page: number;
  /** 0-based line of the decoded text. */
  lineNo: number;
  /** The line as decoded. */
  raw: string;
  /** The line with extraction garbage removed, spaces collapsed, trimmed. */
  text: string;
  /** Leading indentation in ems (0 when the extractor keeps none). */
  indent: number;
  /** A blank line came before it on its page (only in single-spaced text, where that means something). */
  blankBefore: boolean;
  /** Visual width in ems. */
  width: number;
  /** Dot leaders were stripped from it (a TOC-entry sign). */
  hadLeaders: boolean;
  /** Geometry against its page, where the source has it (PDF text layer, OCR): see geometry.ts. */
  geo?: LineGeo;
}

export interface PageLines {
  index: number;
  startLine: number;
  raw: string;
  lines: Line[];
  /** Lines that held nothing but garbage (leader runs…) and were dropped. */
  garbage: number;
}

/** Optional text normaliser run on every line first (Kangxi radicals → ideographs). */
export type LineNormalizer = (s: string) => string;

export interface LineOptions {
  vocabulary: Vocabulary;
  normalizeRadicals?: LineNormalizer;
  /** The text looks like OCR output (see ocrEvidence): OCR-only line rules apply. */
  ocr?: boolean;
}

/** What cleaning a line needs: the options and the change log its rules report to. */
export interface LineContext extends LineOptions {
  log: ChangeLog;
}

/**
 * Turns raw pages into cleaned lines, reporting every garbage rule that fired. Where pages carry line
 * boxes, each line gets its geometry (`geo`, see geometry.ts) from the raw line it was cleaned from.
 */
export function buildPageLines(pages: RawPage[], log: ChangeLog, opts: LineOptions): PageLines[] {
  const ctx: LineContext = { ...opts, log };
  const geometry = pages.some((p) => p.boxes) ? linesGeometry(pages) : null;
  return pages.map((page, i) => buildPage(page, geometry?.[i] ?? [], ctx));
}

function buildPage(page: RawPage, geos: readonly LineGeo[], ctx: LineContext): PageLines {
  const out: Line[] = [];
  let garbage = 0;
  let blank = false;
  let gaps = 0;
  let pairs = 0;
  let seenContent = false;
  page.lines.forEach((raw, i) => {
    if (raw.trim().length === 0) {
      blank = true;
      return;
    }
    if (seenContent) {
      pairs++;
      if (blank) gaps++;
    }
    seenContent = true;
    const lineNo = page.startLine + i;
    const { text, hadLeaders } = cleanLine(raw, { page: page.index, line: lineNo }, ctx);
    const blankBefore = blank;
    blank = false;
    if (text.length === 0) {
      garbage++;
      return;
    }
    const indent = leadingIndent(raw);
    const geo = geos[i];
    const split = splitLabel(text, ctx.vocabulary.commentaryLabels);
    if (split && split.rest.length > 0) {
      // The label keeps the printed line's geometry; the text after it has no box of its own.
      out.push(makeLine({ page: page.index, lineNo, raw, text: split.label, indent, blankBefore, hadLeaders: false, geo }));
      out.push(makeLine({ page: page.index, lineNo, raw, text: split.rest, indent: 0, blankBefore: false, hadLeaders: false }));
    } else out.push(makeLine({ page: page.index, lineNo, raw, text, indent, blankBefore, hadLeaders, geo }));
  });
  // Double-spaced text (a blank line after every printed line) says nothing by its blank lines.
  if (pairs >= 4 && gaps >= pairs * 0.4) for (const l of out) l.blankBefore = false;
  const lines = ctx.ocr && ctx.log.on('ocr-stray-line') ? dropStrayLines(out, ctx.log) : out;
  return {
    index: page.index,
    startLine: page.startLine,
    raw: page.lines.join('\n'),
    lines,
    garbage: garbage + out.length - lines.length,
  };
}

/**
 * Rule 'ocr-stray-line': specks OCR read as a few Latin letters or marks (`|`, `Sy`) go. Not after
 * a line of running text that has not ended its sentence: there such a "speck" is the
 * paragraph's misread last line (围。 → Fil.), and it still marks where the paragraph ends.
 */
function dropStrayLines(lines: Line[], log: ChangeLog): Line[] {
  return lines.filter((line, i) => {
    if (!isStrayLine(line.text, line.raw)) return true;
    const prev = lines[i - 1];
    if (prev && prev.width >= 20 && !endsSentence(prev.text)) return true;
    log.record('ocr-stray-line', { page: line.page, line: line.lineNo }, { before: line.text, after: '' });
    return false;
  });
}

/**
 * First and last page of some lines (0 and 0 for none). A loop, not Math.min(...pages): spreading
 * a few hundred thousand arguments overflows the stack.
 */
export function pageSpan(lines: readonly Line[]): { first: number; last: number } {
  if (lines.length === 0) return { first: 0, last: 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const l of lines) {
    if (l.page < first) first = l.page;
    if (l.page > last) last = l.page;
  }
  return { first, last };
}

/** A line from everything but its width, which is measured from its text. */
function makeLine(fields: Omit<Line, 'width'>): Line {
  const { page, lineNo, raw, text, indent, blankBefore, hadLeaders, geo } = fields;
  const line: Line = { page, lineNo, raw, text, indent, blankBefore, width: lineWidth(text), hadLeaders };
  if (geo) line.geo = geo;
  return line;
}

function leadingIndent(raw: string): number {
  let indent = 0;
  for (const ch of raw) {
    if (ch === ' ') indent += 0.5;
    else if (ch === '\u3000') indent += 1;
    else if (ch === '\t') indent += 2;
    else break;
  }
  return indent >= 1 ? indent : 0;
}

/** Garbage rules, in order, on one line (at `where`, where their changes are reported). */
export function cleanLine(raw: string, where: Where, ctx: LineContext): { text: string; hadLeaders: boolean } {
  const { log } = ctx;
  let hadLeaders = false;
  let text = raw.replace(/\f/g, '');
  if (log.on('strip-fffd')) text = stripFffd(text, log.sink('strip-fffd', where)).text;
  if (ctx.normalizeRadicals && log.on('normalize-radicals')) {
    const normalized = ctx.normalizeRadicals(text);
    if (normalized !== text) log.record('normalize-radicals', where, { before: text, after: normalized });
    text = normalized;
  }
  if (log.on('strip-leaders')) {
    const repair = { repair: log.on('repair-split-word'), repairSink: log.sink('repair-split-word', where) };
    const stripped = stripLeaders(text, repair, log.sink('strip-leaders', where));
    hadLeaders = stripped.count > 0;
    text = stripped.text;
  }
  if (log.on('strip-orphan-separator')) text = stripOrphanSeparators(text, log.sink('strip-orphan-separator', where)).text;
  if (log.on('fullwidth-punct')) text = fullwidthPunct(text, log.sink('fullwidth-punct', where)).text;
  if (log.on('curly-quotes')) text = curlyQuotes(text, log.sink('curly-quotes', where)).text;
  if (log.on('collapse-letterspacing')) text = collapseLetterspacing(text, log.sink('collapse-letterspacing', where)).text;
  text = log.on('collapse-spaces') ? collapseSpaces(text.trim(), log.sink('collapse-spaces', where)).text : text.trim();
  if (log.on('strip-stray-quote')) text = stripStrayQuotes(text, log.sink('strip-stray-quote', where)).text;
  if (ctx.ocr) {
    if (log.on('ocr-dash-run')) text = ocrDashRun(text, log.sink('ocr-dash-run', where)).text;
    if (log.on('ocr-digit-lookalike')) text = ocrDigitLookalikes(text, log.sink('ocr-digit-lookalike', where)).text;
    if (log.on('ocr-percent')) text = ocrPercent(text, log.sink('ocr-percent', where)).text;
    if (log.on('ocr-hyphen-yi')) text = ocrHyphenYi(text, log.sink('ocr-hyphen-yi', where)).text;
    if (log.on('ocr-full-stop')) text = ocrFullStop(text, log.sink('ocr-full-stop', where)).text;
    const label = log.on('ocr-label') ? ocrLabel(text, ctx.vocabulary.commentaryLabels) : null;
    if (label !== null) {
      log.record('ocr-label', where, { before: text, after: `〔${label}〕` });
      text = `〔${label}〕`;
    }
  }
  return { text, hadLeaders };
}
