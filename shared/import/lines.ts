import type { RawPage } from './types.ts';
import type { ChangeLog, RuleId } from './changeLog.ts';
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
import type { SiteSink } from '../text/rewrite.ts';

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

/** Turns raw pages into cleaned lines, reporting every garbage rule that fired. */
export function buildPageLines(pages: RawPage[], log: ChangeLog, opts: LineOptions): PageLines[] {
  return pages.map((p) => buildPage(p, log, opts));
}

function buildPage(p: RawPage, log: ChangeLog, opts: LineOptions): PageLines {
  const out: Line[] = [];
  let garbage = 0;
  let blank = false;
  let gaps = 0;
  let pairs = 0;
  let seenContent = false;
  p.lines.forEach((raw, i) => {
    if (raw.trim().length === 0) {
      blank = true;
      return;
    }
    if (seenContent) {
      pairs++;
      if (blank) gaps++;
    }
    seenContent = true;
    const lineNo = p.startLine + i;
    const { text, hadLeaders } = cleanLine(raw, log, { page: p.index, line: lineNo }, opts);
    const blankBefore = blank;
    blank = false;
    if (text.length === 0) {
      garbage++;
      return;
    }
    const indent = leadingIndent(raw);
    const split = splitLabel(text, opts.vocabulary.commentaryLabels);
    if (split && split.rest.length > 0) {
      out.push(mk(p.index, lineNo, raw, split.label, indent, blankBefore, false));
      out.push(mk(p.index, lineNo, raw, split.rest, 0, false, false));
    } else out.push(mk(p.index, lineNo, raw, text, indent, blankBefore, hadLeaders));
  });
  // Double-spaced text (a blank line after every printed line) says nothing by its blank lines.
  if (pairs >= 4 && gaps >= pairs * 0.4) for (const l of out) l.blankBefore = false;
  const lines = opts.ocr && log.on('ocr-stray-line') ? dropStrayLines(out, log) : out;
  return { index: p.index, startLine: p.startLine, raw: p.lines.join('\n'), lines, garbage: garbage + out.length - lines.length };
}

/**
 * Rule 'ocr-stray-line': specks OCR read as a few Latin letters or marks (`|`, `Sy`) go. Not after
 * a line of running text that has not ended its sentence: there such a "speck" is the
 * paragraph's misread last line (围。 → Fil.), and it still marks where the paragraph ends.
 */
function dropStrayLines(lines: Line[], log: ChangeLog): Line[] {
  return lines.filter((l, i) => {
    if (!isStrayLine(l.text, l.raw)) return true;
    const prev = lines[i - 1];
    if (prev && prev.width >= 20 && !endsSentence(prev.text)) return true;
    log.record('ocr-stray-line', { page: l.page, line: l.lineNo }, l.text, '');
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

function mk(
  page: number,
  lineNo: number,
  raw: string,
  text: string,
  indent: number,
  blankBefore: boolean,
  hadLeaders: boolean,
): Line {
  return { page, lineNo, raw, text, indent, blankBefore, width: lineWidth(text), hadLeaders };
}

function leadingIndent(raw: string): number {
  let w = 0;
  for (const ch of raw) {
    if (ch === ' ') w += 0.5;
    else if (ch === '\u3000') w += 1;
    else if (ch === '\t') w += 2;
    else break;
  }
  return w >= 1 ? w : 0;
}

/** Garbage rules, in order, on one line. */
export function cleanLine(
  raw: string,
  log: ChangeLog,
  where: { page: number; line: number },
  opts: LineOptions,
): { text: string; hadLeaders: boolean } {
  let hadLeaders = false;
  const sink = (rule: RuleId): SiteSink => (before, after) => log.record(rule, where, before, after);
  let s = raw.replace(/\f/g, '');
  if (log.on('strip-fffd')) s = stripFffd(s, sink('strip-fffd')).text;
  if (opts.normalizeRadicals && log.on('normalize-radicals')) {
    const n = opts.normalizeRadicals(s);
    if (n !== s) log.record('normalize-radicals', where, s, n);
    s = n;
  }
  if (log.on('strip-leaders')) {
    const r = stripLeaders(s, log.on('repair-split-word'), sink('strip-leaders'), sink('repair-split-word'));
    hadLeaders = r.count > 0;
    s = r.text;
  }
  if (log.on('strip-orphan-separator')) s = stripOrphanSeparators(s, sink('strip-orphan-separator')).text;
  if (log.on('fullwidth-punct')) s = fullwidthPunct(s, sink('fullwidth-punct')).text;
  if (log.on('curly-quotes')) s = curlyQuotes(s, sink('curly-quotes')).text;
  if (log.on('collapse-letterspacing')) s = collapseLetterspacing(s, sink('collapse-letterspacing')).text;
  s = log.on('collapse-spaces') ? collapseSpaces(s.trim(), sink('collapse-spaces')).text : s.trim();
  if (log.on('strip-stray-quote')) s = stripStrayQuotes(s, sink('strip-stray-quote')).text;
  if (opts.ocr) {
    if (log.on('ocr-dash-run')) s = ocrDashRun(s, sink('ocr-dash-run')).text;
    if (log.on('ocr-digit-lookalike')) s = ocrDigitLookalikes(s, sink('ocr-digit-lookalike')).text;
    if (log.on('ocr-percent')) s = ocrPercent(s, sink('ocr-percent')).text;
    if (log.on('ocr-hyphen-yi')) s = ocrHyphenYi(s, sink('ocr-hyphen-yi')).text;
    if (log.on('ocr-full-stop')) s = ocrFullStop(s, sink('ocr-full-stop')).text;
    const label = log.on('ocr-label') ? ocrLabel(s, opts.vocabulary.commentaryLabels) : null;
    if (label !== null) {
      log.record('ocr-label', where, s, `〔${label}〕`);
      s = `〔${label}〕`;
    }
  }
  return { text: s, hadLeaders };
}
