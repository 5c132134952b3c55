import type { ChangeLog } from './changeLog.ts';
import type { Line, PageLines } from './lines.ts';
import { endsWithOrganizationWord, isVocab, type Vocabulary } from './vocabulary.ts';
import { compact, lineWidth } from '../text/cjk.ts';
import { isDashLine } from './structure.ts';
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

/**
 * Reads a page number off an edge line, with the running title beside it. With `ocr` (rule
 * 'ocr-folio'), a number OCR misread (O01, 00l) and the quote or full stop it puts into the gap
 * between title and number (…发展”001, …发展。003) are read through when nothing else matched.
 */
export function parseFolio(text: string, ocr = false): Folio | null {
  const t = ocr ? ocrFolioText(text.trim()) : null;
  return (t === null ? null : parseFolioText(t)) ?? parseFolioText(text.trim());
}

// A trailing number as OCR may read it, and the marks OCR may put before it.
const RE_OCR_FOLIO_NUMBER = /[0-9OolI|\]]{1,4}$/;
const OCR_FOLIO_JUNK = ' \t”“"\'’‘。.，,:：';

/** The line with OCR's junk before a trailing number removed and the number's digits read; null if none. */
function ocrFolioText(t: string): string | null {
  const m = RE_OCR_FOLIO_NUMBER.exec(t);
  const n = m ? ocrNumber(m[0]) : null;
  if (!m || n === null) return null;
  let end = m.index;
  while (end > 0 && OCR_FOLIO_JUNK.includes(t[end - 1]!)) end--;
  let head = t.slice(0, end);
  // A closing quote that closes the running title's open quote is the title's own.
  if (t[end] === '”' && (head.match(/“/g) ?? []).length > (head.match(/”/g) ?? []).length) head += '”';
  if (head.length > 0 && !/[\p{Script=Han}）》」』〕】”]$/u.test(head)) return null;
  const out = head.length > 0 ? `${head} ${n}` : n;
  return out === t ? null : out;
}

function parseFolioText(t: string): Folio | null {
  let m = /^[-—–·\s]*(\d{1,4})[-—–·\s]*$/.exec(t) ?? /^第\s*(\d{1,4})\s*页$/.exec(t);
  if (m) return { number: Number(m[1]), label: '' };
  m = /^(\S.{0,60}?)\s*(\d{1,4})$/.exec(t);
  if (m && labelOk(m[1]!) && !/[年月日号期第共约计个人户名条件次元万亿%.．·:：]$/.test(m[1]!.trim())) {
    return { number: Number(m[2]), label: m[1]!.trim() };
  }
  m = /^(\d{1,4})\s+(\S.{0,60})$/.exec(t);
  if (m && labelOk(m[2]!) && !/^[个名户人次条件年月日号%万元．.]/.test(m[2]!)) return { number: Number(m[1]), label: m[2]!.trim() };
  return null;
}

function labelOk(label: string): boolean {
  const l = label.trim();
  if (l.length === 0 || isDashLine(l)) return false;
  if (lineWidth(l) > 32) return false;
  if (/[。；]/.test(l)) return false;
  if ((l.match(/[，、：]/g) ?? []).length > 1) return false;
  return /\p{Script=Han}|[A-Za-z]{2,}/u.test(l);
}

export interface RunningResult {
  /** Printed number per page read from a folio (null where none was found). */
  folios: (number | null)[];
  /** Running-title text seen at each page's edge (to recognise footers naming a case). */
  labels: (string | null)[];
}

/**
 * Finds and removes running headers/footers in place. `tocPages` only accept bare numbers (their
 * entries end in page numbers too).
 */
export function removeRunningLines(
  pages: PageLines[],
  tocPages: ReadonlySet<number>,
  vocab: Vocabulary,
  log: ChangeLog,
  titleKeys: ReadonlySet<string> = new Set(),
  /** The text looks like OCR output: rule 'ocr-folio' applies. */
  ocrText = false,
): RunningResult {
  const folios: (number | null)[] = pages.map(() => null);
  const labels: (string | null)[] = pages.map(() => null);
  const cands: Candidate[] = [];
  const ocr = ocrText && log.on('ocr-folio');
  for (const p of pages) {
    for (const { line, top } of edgeLines(p.lines)) {
      if (protectedLine(p.lines, line, vocab, ocrText)) continue;
      const plain = parseFolio(line.text);
      const f = plain ?? (ocr ? parseFolio(line.text, true) : null);
      if (!f || f.number < 1) continue;
      const bare = f.label === '';
      if (tocPages.has(p.index) && !bare) continue;
      cands.push({ ...f, page: p.index, line, top, bare, viaOcr: plain === null });
    }
  }
  // Offsets (page index − printed number) that several pages agree on.
  const pagesByOffset = new Map<number, Set<number>>();
  for (const c of cands) {
    const off = c.page - c.number;
    let s = pagesByOffset.get(off);
    if (!s) pagesByOffset.set(off, (s = new Set()));
    s.add(c.page);
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
      if (c.viaOcr) log.record('ocr-folio', { page, line: c.line.lineNo }, c.line.text, `${c.label} ${c.number}`.trim());
    }
  }
  // Lines repeated at the edges of many pages: a running title without a number.
  const counts = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const { line } of edgeLines(p.lines)) {
      if (remove.has(line) || protectedLine(p.lines, line, vocab, ocrText)) continue;
      const key = repeatKey(line.text);
      if (key.length < 2) continue;
      let s = counts.get(key);
      if (!s) counts.set(key, (s = new Set()));
      s.add(p.index);
    }
  }
  const folioLabels = new Set([...labels].filter((l): l is string => l !== null).map(repeatKey));
  const minRepeat = Math.max(3, Math.ceil(pages.length * 0.1));
  for (const p of pages) {
    for (const { line } of edgeLines(p.lines)) {
      if (remove.has(line) || protectedLine(p.lines, line, vocab, ocrText)) continue;
      const key = repeatKey(line.text);
      if (key.length < 2) continue;
      // A case title the TOC lists, without a number: the title itself on the case's first page
      // (its running footer repeats it), whose `———organisation` line may be lost.
      if (titleKeys.has(matchKey(line.text)) || (ocrText && likeAny(matchKey(line.text), titleKeys))) continue;
      if ((counts.get(key)?.size ?? 0) >= minRepeat || folioLabels.has(key)) {
        remove.add(line);
        labels[p.index] ??= line.text;
      }
    }
  }
  for (const p of pages) {
    const first = p.lines[0];
    p.lines = p.lines.filter((line) => {
      if (!remove.has(line)) return true;
      const rule = line === first || p.lines.indexOf(line) < EDGE ? 'remove-running-header' : 'remove-running-footer';
      if (!log.on(rule)) return true;
      log.record(rule, { page: p.index, line: line.lineNo }, line.text, '');
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

/** Structure lines never count as running lines: labels, dash lines, titles above a dash line. */
function protectedLine(lines: Line[], line: Line, vocab: Vocabulary, ocr: boolean): boolean {
  const t = line.text;
  // In OCR text an attribution line may have lost its dashes (a lone 一 before the name).
  const dash = (l: Line): boolean => isDashLine(l.text) || (ocr && /^[一—-]\s*\p{Script=Han}/u.test(l.text) && endsWithOrganizationWord(l.text, vocab));
  if (dash(line)) return true;
  if (isVocab(t, vocab.commentaryLabels) || isVocab(t, vocab.awardsHeadings) || isVocab(t, vocab.tocTitles)) return true;
  const i = lines.indexOf(line);
  const next = lines[i + 1];
  const next2 = lines[i + 2];
  if (next === undefined) return false;
  return dash(next) || (next2 !== undefined && dash(next2) && lineWidth(next.text) < 30);
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
    const a = known[k - 1];
    const b = known[k + 1];
    const agree = (x: number, y: number): boolean => folios[y]! - folios[x]! === y - x;
    if (a !== undefined && b !== undefined) {
      if (agree(a, b) && !agree(a, i)) out.push(i);
    } else {
      // At either end: against the two nearest that agree with each other.
      const [x, y] = a === undefined ? [known[k + 1], known[k + 2]] : [known[k - 2], known[k - 1]];
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
export function inferPrinted(folios: readonly (number | null)[]): (number | null)[] {
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
    const a = prevKnown[i]!;
    const b = nextKnown[i]!;
    let v: number | null = null;
    if (a >= 0 && b >= 0 && folios[b]! - folios[a]! === b - a) v = folios[a]! + (i - a);
    else if (a >= 0 && i - a === 1) v = folios[a]! + 1;
    else if (b >= 0 && b - i === 1) v = folios[b]! - 1;
    out[i] = v !== null && v >= 1 ? v : null;
  }
  return out;
}
