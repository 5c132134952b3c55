import type { ChangeLog } from './changeLog.ts';
import type { Line, PageLines } from './lines.ts';
import { endsWithOrganizationWord, isVocab, type Vocabulary } from './vocabulary.ts';
import { compact, lineWidth } from '../text/cjk.ts';
import { isDashLine } from './structure.ts';
import { caseNumberLine, misreadNameLine, nameLine } from './openers.ts';
import { FUZZY_TITLE, matchKey } from './tocMatch.ts';
import { ocrNumber } from '../text/ocr.ts';
import { overlap, similarity } from '../text/similarity.ts';

/**
 * Running headers and footers, learned from the pages themselves: a line at the top or bottom of
 * a page that carries a page number agreeing with its neighbours' (page index − number constant),
 * or a line repeated at the edge of many pages. They are removed; the number is kept as the
 * page's printed number. A line without a number whose text is a case title from the TOC
 * (`titleKeys`, as `matchKey` makes them) stays: it may be that case's title.
 */

export interface Folio {
  number: number;
  /** Text beside the number (a running title naming the case or book), '' for a bare number. */
  label: string;
}

interface Candidate extends Folio {
  page: number;
  line: Line;
  top: boolean;
  bare: boolean;
  /** Read only through the OCR repairs of 'ocr-folio'. */
  viaOcr: boolean;
}

const EDGE = 2;

export interface FolioReading {
  /**
   * Rule 'ocr-folio' (OCR text): a number OCR misread (O01, 00l) and the quote or full stop it puts
   * into the gap between title and number (…发展”001, …发展。003) are read through when nothing
   * else matched.
   */
  ocr?: boolean;
}

/** Reads a page number off an edge line, with the running title beside it. */
export function parseFolio(text: string, { ocr = false }: FolioReading = {}): Folio | null {
  const repaired = ocr ? ocrFolioText(text.trim()) : null;
  return (repaired === null ? null : parseFolioText(repaired)) ?? parseFolioText(text.trim());
}

// A trailing number as OCR may read it, and the marks OCR may put before it.
const RE_OCR_FOLIO_NUMBER = /[0-9OolI|\]]{1,4}$/;
const OCR_FOLIO_JUNK = ' \t”“"\'’‘。.，,:：';

/** The line with OCR's junk before a trailing number removed and the number's digits read; null if none. */
function ocrFolioText(text: string): string | null {
  const m = RE_OCR_FOLIO_NUMBER.exec(text);
  const digits = m ? ocrNumber(m[0]) : null;
  if (!m || digits === null) return null;
  let end = m.index;
  while (end > 0 && OCR_FOLIO_JUNK.includes(text[end - 1]!)) end--;
  let head = text.slice(0, end);
  // A closing quote that closes the running title's open quote is the title's own.
  if (text[end] === '”' && (head.match(/“/g) ?? []).length > (head.match(/”/g) ?? []).length) head += '”';
  if (head.length > 0 && !/[\p{Script=Han}）》」』〕】”]$/u.test(head)) return null;
  const out = head.length > 0 ? `${head} ${digits}` : digits;
  return out === text ? null : out;
}

function parseFolioText(text: string): Folio | null {
  let m = /^[-—–·\s]*(\d{1,4})[-—–·\s]*$/.exec(text) ?? /^第\s*(\d{1,4})\s*页$/.exec(text);
  if (m) return { number: Number(m[1]), label: '' };
  m = /^(\S.{0,60}?)\s*(\d{1,4})$/.exec(text);
  if (m && labelOk(m[1]!) && !/[年月日号期第共约计个人户名条件次元万亿%.．·:：]$/.test(m[1]!.trim())) {
    return { number: Number(m[2]), label: m[1]!.trim() };
  }
  m = /^(\d{1,4})\s+(\S.{0,60})$/.exec(text);
  if (m && labelOk(m[2]!) && !/^[个名户人次条件年月日号%万元．.]/.test(m[2]!))
    return { number: Number(m[1]), label: m[2]!.trim() };
  return null;
}

function labelOk(label: string): boolean {
  const text = label.trim();
  if (text.length === 0 || isDashLine(text)) return false;
  if (lineWidth(text) > 32) return false;
  if (/[。；]/.test(text)) return false;
  if ((text.match(/[，、：]/g) ?? []).length > 1) return false;
  return /\p{Script=Han}|[A-Za-z]{2,}/u.test(text);
}

export interface RunningResult {
  /** Printed number per page read from a folio (null where none was found). */
  folios: (number | null)[];
  /** Running-title text seen at each page's edge (to recognise footers naming a case). */
  labels: (string | null)[];
}

export interface RunningLineOptions {
  vocab: Vocabulary;
  /** Indexes of the TOC pages: their edges only give bare numbers (their entries end in page numbers too). */
  tocPages: ReadonlySet<number>;
  /** Case titles from the TOC, as `matchKey` makes them: an edge line without a number that is one stays. */
  titleKeys?: ReadonlySet<string>;
  /** The text looks like OCR output: rule 'ocr-folio' applies, and attribution lines may have lost their dashes. */
  ocr?: boolean;
}

/** Finds and removes running headers/footers in place. */
export function removeRunningLines(pages: PageLines[], log: ChangeLog, opts: RunningLineOptions): RunningResult {
  const { vocab, tocPages, titleKeys = new Set<string>(), ocr = false } = opts;
  const folios: (number | null)[] = pages.map(() => null);
  const labels: (string | null)[] = pages.map(() => null);
  const cands: Candidate[] = [];
  const ocrFolios = ocr && log.on('ocr-folio');
  const protect = { vocab, ocr, titleKeys };
  for (const page of pages) {
    for (const { line, top } of edgeLines(page.lines)) {
      if (protectedLine(page.lines, line, protect)) continue;
      const plain = parseFolio(line.text);
      const folio = plain ?? (ocrFolios ? parseFolio(line.text, { ocr: true }) : null);
      if (!folio || folio.number < 1) continue;
      const bare = folio.label === '';
      if (tocPages.has(page.index) && !bare) continue;
      cands.push({ ...folio, page: page.index, line, top, bare, viaOcr: plain === null });
    }
  }
  // Offsets (page index − printed number) that several pages agree on.
  const pagesByOffset = new Map<number, Set<number>>();
  for (const c of cands) {
    const off = c.page - c.number;
    let seen = pagesByOffset.get(off);
    if (!seen) pagesByOffset.set(off, (seen = new Set()));
    seen.add(c.page);
  }
  const support = (c: Candidate): number => pagesByOffset.get(c.page - c.number)?.size ?? 0;
  const anyAgreement = [...pagesByOffset.values()].some((s) => s.size >= 2);
  const accepted = cands.filter((c) => support(c) >= 2 || (c.bare && !anyAgreement));
  const remove = new Set<Line>();
  const byPage = new Map<number, Candidate[]>();
  for (const c of accepted) {
    const list = byPage.get(c.page) ?? [];
    list.push(c);
    byPage.set(c.page, list);
  }
  for (const [page, list] of byPage) {
    list.sort((a, b) => support(b) - support(a));
    folios[page] = list[0]!.number;
    for (const c of list) {
      if (c.label) labels[page] = c.label;
      remove.add(c.line);
      if (c.viaOcr)
        log.record('ocr-folio', { page, line: c.line.lineNo }, { before: c.line.text, after: `${c.label} ${c.number}`.trim() });
    }
  }
  // Front matter numbered in roman (i, ii, iii…): a bare numeral at a page's edge, removed when two or
  // more pages agree on its offset; the page's printed number stays unknown (the cases count in Arabic).
  const romanByOffset = new Map<number, Line[]>();
  for (const page of pages) {
    for (const { line } of edgeLines(page.lines)) {
      const n = remove.has(line) ? null : romanValue(line.text.trim());
      if (n === null) continue;
      const list = romanByOffset.get(page.index - n) ?? [];
      list.push(line);
      romanByOffset.set(page.index - n, list);
    }
  }
  for (const list of romanByOffset.values()) if (new Set(list.map((l) => l.page)).size >= 2) for (const l of list) remove.add(l);
  // Lines repeated at the edges of many pages: a running title without a number.
  const counts = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const { line } of edgeLines(page.lines)) {
      if (remove.has(line) || protectedLine(page.lines, line, protect)) continue;
      const key = repeatKey(line.text);
      if (key.length < 2) continue;
      let seen = counts.get(key);
      if (!seen) counts.set(key, (seen = new Set()));
      seen.add(page.index);
    }
  }
  const folioLabels = new Set([...labels].filter((l): l is string => l !== null).map(repeatKey));
  const minRepeat = Math.max(3, Math.ceil(pages.length * 0.1));
  for (const page of pages) {
    for (const { line } of edgeLines(page.lines)) {
      if (remove.has(line) || protectedLine(page.lines, line, protect)) continue;
      const key = repeatKey(line.text);
      if (key.length < 2) continue;
      // A case title the TOC lists, without a number: the title itself on the case's first page
      // (its running footer repeats it), whose `———organisation` line may be lost.
      if (titleKeys.has(matchKey(line.text)) || (ocr && likeAny(matchKey(line.text), titleKeys))) continue;
      // On a TOC page, an entry (`title …… page`) names a case and gives its page, as a footer does: it stays.
      if (tocPages.has(page.index) && titleKeys.has(matchKey(line.text.replace(/\s*\d{1,4}\s*$/, '')))) continue;
      if ((counts.get(key)?.size ?? 0) >= minRepeat || folioLabels.has(key)) {
        remove.add(line);
        labels[page.index] ??= line.text;
      }
    }
  }
  for (const page of pages) {
    const first = page.lines[0];
    page.lines = page.lines.filter((line) => {
      if (!remove.has(line)) return true;
      const rule = line === first || page.lines.indexOf(line) < EDGE ? 'remove-running-header' : 'remove-running-footer';
      if (!log.on(rule)) return true;
      log.record(rule, { page: page.index, line: line.lineNo }, { before: line.text, after: '' });
      return false;
    });
  }
  return { folios, labels };
}

function edgeLines(lines: Line[]): { line: Line; top: boolean }[] {
  const out: { line: Line; top: boolean }[] = [];
  const n = lines.length;
  for (let i = 0; i < Math.min(EDGE, n); i++) out.push({ line: lines[i]!, top: true });
  for (let i = Math.max(EDGE, n - EDGE); i < n; i++) out.push({ line: lines[i]!, top: false });
  return out;
}

interface Protect {
  vocab: Vocabulary;
  ocr: boolean;
  titleKeys: ReadonlySet<string>;
}

/**
 * Structure lines never count as running lines: labels, dash lines, titles above a dash line (in
 * OCR text, `ocr`, also an attribution line that lost its dashes, a lone 一 before the name). A
 * line over a whole TOC title that sits on its dash line is no part of that title.
 */
function protectedLine(lines: Line[], line: Line, { vocab, ocr, titleKeys }: Protect): boolean {
  const text = line.text;
  const dash = (l: Line): boolean =>
    isDashLine(l.text) ||
    (ocr && /^[一—-]\s*\p{Script=Han}/u.test(l.text) && endsWithOrganizationWord(l.text, vocab)) ||
    nameLine(l, vocab);
  if (dash(line)) return true;
  if (isVocab(text, vocab.commentaryLabels) || isVocab(text, vocab.awardsHeadings) || isVocab(text, vocab.tocTitles)) return true;
  const i = lines.indexOf(line);
  const next = lines[i + 1];
  const next2 = lines[i + 2];
  // A title under its organisation line (some hands set the name above the title). Set larger than
  // the body (geometry), a title's OCR'd name line may be misread (misreadNameLine).
  const prev = lines[i - 1];
  const named = (l: Line): boolean =>
    nameLine(l, vocab) || (ocr && line.geo !== undefined && line.geo.size >= 1.15 && misreadNameLine(l, vocab));
  if (prev !== undefined && named(prev) && lineWidth(text) < 30 && !/[。；]/.test(text) && parseFolio(text) === null) return true;
  if (next === undefined) return false;
  // Over a name line without dashes, a line with a page number is a running head, not a title.
  const over = (l: Line): boolean => isDashLine(l.text) || (dash(l) && parseFolio(text) === null);
  if (over(next)) return true;
  return (
    next2 !== undefined &&
    over(next2) &&
    lineWidth(next.text) < 30 &&
    !titleKeys.has(matchKey(next.text)) &&
    // (A case's number over its name line is no title line: what stands above it is a running head.)
    !caseNumberLine(next)
  );
}

/** Whether an OCR reading of a title is like one of the TOC's readings (see FUZZY_TITLE). */
function likeAny(key: string, keys: ReadonlySet<string>): boolean {
  if (key.length < 4) return false;
  for (const k of keys) if (overlap(key, k) >= FUZZY_TITLE && similarity(key, k) >= FUZZY_TITLE) return true;
  return false;
}

/**
 * Rule 'ocr-folio', second half: a printed number read off a footer that disagrees with its
 * neighbours while they agree with each other (OCR read 113 as 3, or ”]117 as 1117) is dropped,
 * so that the neighbours decide it. Returns the pages whose number went.
 */
export function dropOutlierFolios(folios: (number | null)[]): number[] {
  const known: number[] = [];
  folios.forEach((f, i) => {
    if (f !== null) known.push(i);
  });
  const out: number[] = [];
  for (let k = 0; k < known.length; k++) {
    const i = known[k]!;
    const prev = known[k - 1];
    const next = known[k + 1];
    const agree = (x: number, y: number): boolean => folios[y]! - folios[x]! === y - x;
    if (prev !== undefined && next !== undefined) {
      if (agree(prev, next) && !agree(prev, i)) out.push(i);
    } else {
      // At either end: against the two nearest that agree with each other.
      const [x, y] = prev === undefined ? [known[k + 1], known[k + 2]] : [known[k - 2], known[k - 1]];
      if (x !== undefined && y !== undefined && agree(x, y) && !agree(x, i)) out.push(i);
    }
  }
  for (const i of out) folios[i] = null;
  return out;
}

/** Key for comparing running lines: no spaces, no page number at either end. */
export function repeatKey(text: string): string {
  return compact(text).replace(/^\d{1,4}|\d{1,4}$/g, '');
}

/**
 * Printed numbers for pages without a folio, from their neighbours: between two folios that agree
 * (printed numbers advance with the pages), and one page past the first or last folio of a run
 * (books often print the number on odd pages only). Never below 1.
 */
export function inferPrinted(folios: readonly (number | null)[], { from }: { from?: number } = {}): (number | null)[] {
  const n = folios.length;
  const out = folios.slice();
  const prevKnown: number[] = new Array(n).fill(-1);
  const nextKnown: number[] = new Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (folios[i] !== null) last = i;
    prevKnown[i] = last;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (folios[i] !== null) last = i;
    nextKnown[i] = last;
  }
  for (let i = 0; i < n; i++) {
    if (folios[i] !== null) continue;
    const prev = prevKnown[i]!;
    const next = nextKnown[i]!;
    let printed: number | null = null;
    if (prev >= 0 && next >= 0 && folios[next]! - folios[prev]! === next - prev) printed = folios[prev]! + (i - prev);
    else if (prev >= 0 && i - prev === 1) printed = folios[prev]! + 1;
    else if (next >= 0 && next - i === 1) printed = folios[next]! - 1;
    out[i] = printed !== null && printed >= 1 ? printed : null;
  }
  // The cases' pages before the first folio read (OCR drops lone one-digit numbers) count back from it, down to 1.
  if (from !== undefined) {
    const first = folios.findIndex((f) => f !== null);
    for (let i = first - 1; first > 0 && i >= from; i--) {
      if (out[i] !== null) continue;
      const printed = out[i + 1]! - 1;
      if (printed < 1) break;
      out[i] = printed;
    }
  }
  return out;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** The value of a lone lower- or upper-case roman numeral up to 399 written the usual way (iv, xii), else null. */
export function romanValue(text: string): number | null {
  if (!/^(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i.test(text) || text === '') return null;
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const s = text.toLowerCase();
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}
