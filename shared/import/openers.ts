import type { Line } from './lines.ts';
import { endsWithOrganizationWord, isVocab, type Vocabulary } from './vocabulary.ts';
import { dashRest, isDashLine, isDateLine } from './structure.ts';
import { compact, endsSentence, endsWithPunct, isHan, lastChar } from '../text/cjk.ts';
import { FUZZY_TITLE, matchKey, titleMatch } from './tocMatch.ts';
import { similarity } from '../text/similarity.ts';

/**
 * Where cases begin. A case opens with its title (one to three short lines) over a `———name`
 * line giving the organisation, optionally with a commentary box (a vocabulary label such as
 * 〔组织点评〕, paragraphs, a `———signature`) printed before the title or right after the
 * organisation. Nothing here depends on the words of a title.
 */
export interface Opener {
  /** Index (into the line list) of the case's first line: the box label or the title. */
  start: number;
  /** Index of the first line of the case body. */
  bodyStart: number;
  titleLines: Line[];
  /** The `———name` line; null when the case's title was found through the TOC and no such line was printed. */
  org: Line | null;
  /** The organisation taken from the TOC entry, for an opener found by its title whose own line lost the name. */
  orgFromToc: string | null;
  label: Line | null;
  commentary: Line[];
  signature: Line | null;
}

const MAX_TITLE_LINES = 3;
const MAX_BOX_LINES = 40;

/** A line that could be (part of) a case title. */
export function titleShaped(line: Line): boolean {
  if (line.width < 2 || line.width > 40) return false;
  if (isDateLine(line.text) || isDashLine(line.text)) return false;
  const last = lastChar(line.text);
  return !endsWithPunct(line.text) || last === '！' || last === '？';
}

export function isLabel(line: Line, vocab: Vocabulary): boolean {
  return isVocab(line.text, vocab.commentaryLabels);
}

/** Finds every case opener in reading order. `W` is the width of a full body line. */
export function findOpeners(
  lines: readonly Line[],
  vocab: Vocabulary,
  W: number,
  /** Rule 'ocr-lost-dashes': see `nameLine`. */
  lostDashes = false,
  /** Rule 'ocr-lost-title': see below. */
  lostTitle = false,
): Opener[] {
  const openers: Opener[] = [];
  let floor = 0; // lines before this belong to an earlier opener
  for (let i = 0; i < lines.length; i++) {
    const org = lines[i]!;
    if (i < floor || !isDashLine(org.text)) continue;
    let j = i - 1;
    const title: Line[] = [];
    while (j >= floor && title.length < MAX_TITLE_LINES) {
      const l = lines[j]!;
      // A title line is never a full line of running text.
      if (l.page !== org.page || isDashLine(l.text) || isLabel(l, vocab) || !titleShaped(l) || l.width >= W - 1.5) break;
      // A box's signature whose dashes OCR lost is no title line.
      if (lostDashes && nameLine(l, vocab) && labelAbove(lines, j, floor, vocab)) break;
      title.unshift(l);
      j--;
    }
    if (title.length === 0) {
      // Rule 'ocr-lost-title': OCR (one uniform block, psm 6) drops the title set in a larger
      // font; the organisation then sits right under the box's signature. The title comes from
      // the TOC and the running footers later (reconcile.ts).
      if (lostTitle && j === i - 1 && j >= floor && isDashLine(lines[j]!.text) && lines[j]!.page === org.page && labelAbove(lines, j, floor, vocab)) {
        title.push(missingTitle(org));
      } else continue;
    }
    if (title[0]!.text.length > 0 && continuesAbove(lines, j, floor, title[0]!, vocab, W)) continue;
    if (signatureOfBox(lines, i, floor, vocab, W, lostDashes)) continue;
    const op: Opener = {
      start: j + 1,
      bodyStart: i + 1,
      titleLines: title,
      org,
      orgFromToc: null,
      label: null,
      commentary: [],
      signature: null,
    };
    boxBefore(lines, op, j, floor, vocab, lostDashes);
    boxAfter(lines, op, vocab);
    openers.push(op);
    floor = op.bodyStart;
    i = op.bodyStart - 1;
  }
  return openers;
}

/** The stand-in for a title OCR lost: an empty line where the organisation line is. */
export function missingTitle(org: Line): Line {
  return { page: org.page, lineNo: org.lineNo, raw: '', text: '', indent: 0, blankBefore: false, width: 0, hadLeaders: false };
}

/**
 * Whether the dash line at `i` signs a commentary box rather than naming a case's organisation:
 * a box label above it on its page (no dash line between), and right under it another title over
 * a dash line. Then the "title" above `i` is the box's last line, whose full stop OCR lost.
 */
function signatureOfBox(lines: readonly Line[], i: number, floor: number, vocab: Vocabulary, W: number, lostDashes: boolean): boolean {
  const page = lines[i]!.page;
  let k = i - 1;
  while (k >= floor && lines[k]!.page === page && !isLabel(lines[k]!, vocab) && !isDashLine(lines[k]!.text)) k--;
  if (k < floor || lines[k]!.page !== page || !isLabel(lines[k]!, vocab)) return false;
  let n = 0;
  while (n < MAX_TITLE_LINES) {
    const l = lines[i + 1 + n];
    if (!l || l.page !== page || isDashLine(l.text) || (lostDashes && nameLine(l, vocab)) || !titleShaped(l) || l.width >= W - 1.5) break;
    n++;
  }
  const org = lines[i + 1 + n];
  return n > 0 && org !== undefined && org.page === page && (isDashLine(org.text) || (lostDashes && nameLine(org, vocab)));
}

/** Whether the line above a would-be title (index `j`) runs on into it: then the "title" ends a paragraph. */
function continuesAbove(lines: readonly Line[], j: number, floor: number, first: Line, vocab: Vocabulary, W: number): boolean {
  const before = j >= floor ? lines[j] : undefined;
  return (
    before !== undefined &&
    before.page === first.page &&
    !isDashLine(before.text) &&
    !isLabel(before, vocab) &&
    !endsSentence(before.text) &&
    before.width >= W * 0.6
  );
}

/** A case the TOC lists that no opener was found for: its title key, organisation, and where to look. */
export interface MissingCase {
  key: string;
  organization: string | null;
  /** Line range to search, [from, to): between the openers of its TOC neighbours. */
  from: number;
  to: number;
  /** The page the TOC gives it. */
  page?: number | null;
}

/** Share of a line's letters that are ideographs (OCR's garbage reads Chinese as Latin letters). */
function hanShare(text: string): number {
  const letters = Array.from(text).filter((ch) => /[\p{Script=Han}A-Za-z]/u.test(ch));
  return letters.length === 0 ? 0 : letters.filter((ch) => isHan(ch)).length / letters.length;
}

/**
 * Rule 'ocr-page-opener': a TOC entry whose case no opener was found for, whose stretch of text
 * holds no opener at all, opens on the page the TOC gives it (read off the running footers): OCR
 * garbled its title and organisation lines (read as Latin letters). The opener takes that page's
 * first lines: a commentary box if a label opens the page (its lines up to the first garbled
 * one), then the garbled lines; the body starts at the next line of Chinese text. Its title and
 * organisation come from the TOC and the footers (reconcile.ts).
 */
export function findPageOpeners(
  lines: readonly Line[],
  missing: readonly MissingCase[],
  printed: readonly (number | null)[],
  vocab: Vocabulary,
): Opener[] {
  const out: Opener[] = [];
  for (const m of missing) {
    if (m.page == null) continue;
    const start = lines.findIndex((l, i) => i >= m.from && i < m.to && printed[l.page] === m.page && (i === 0 || lines[i - 1]!.page !== l.page));
    if (start < 0) continue;
    const first = lines[start]!;
    const garbled = (l: Line): boolean => hanShare(l.text) < 0.5;
    let k = start;
    let label: Line | null = null;
    const commentary: Line[] = [];
    if (isLabel(first, vocab)) {
      label = first;
      k++;
      while (k < m.to && lines[k]!.page === first.page && !garbled(lines[k]!) && !isDashLine(lines[k]!.text)) commentary.push(lines[k++]!);
    }
    // The opener's own lines, as garbled as its title.
    const before = k;
    while (k < m.to && lines[k]!.page === first.page && (garbled(lines[k]!) || isDashLine(lines[k]!.text))) k++;
    if (k === before && !label) continue;
    out.push({
      start,
      bodyStart: k,
      titleLines: [missingTitle(first)],
      org: null,
      orgFromToc: m.organization ?? '',
      label,
      commentary,
      signature: null,
    });
  }
  return out;
}

// What OCR leaves of an organisation's dash run when the name is lost, or a dash run it misread.
const RE_DASH_JUNK = /^[\s\uFFFD—―─━－~～\-一_=.·…]+$/;
const RE_DASH_PREFIX = /^[\s\uFFFD—―─━－~～\-一_=.·…]{1,6}/;

/**
 * Openers for cases found by their title alone: a line (or two or three lines on one page) whose
 * key is a missing TOC entry's title, where nothing above runs on into it. The line under it is
 * taken as the organisation line when it is a dash run (named or not) or ends with the entry's
 * organisation after a little dash-like junk; the organisation then comes from the line if it
 * names one, else from the TOC. A candidate needs either such a line or to open its page
 * (possibly after a commentary box), so that a body heading that repeats a title is no case.
 */
export function findTitleOpeners(
  lines: readonly Line[],
  /** In TOC order. */
  missing: readonly MissingCase[],
  found: readonly Opener[],
  vocab: Vocabulary,
  W: number,
  /** Rule 'fuzzy-title-match': an entry whose title is printed nowhere exactly takes the likest line(s). */
  fuzzy = false,
  /** Rule 'ocr-lost-dashes': see `nameLine`. */
  lostDashes = false,
): Opener[] {
  if (missing.length === 0) return [];
  const wanted = new Set(missing.map((m) => m.key).filter((k) => k.length >= 2));
  if (wanted.size === 0) return [];
  // Where each wanted key is printed: start and length (in lines) of every candidate.
  const at = new Map<string, { i: number; n: number }[]>();
  for (let i = 0; i < lines.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_TITLE_LINES && i + n <= lines.length; n++) {
      const l = lines[i + n - 1]!;
      if (l.page !== lines[i]!.page || !titleLike(l, vocab, W)) break;
      key += matchKey(l.text);
      if (!wanted.has(key)) continue;
      let list = at.get(key);
      if (!list) at.set(key, (list = []));
      list.push({ i, n });
    }
  }
  const spans: [number, number][] = found.map((o) => [o.start, o.bodyStart]);
  const inside = (i: number, n: number): boolean => spans.some(([a, b]) => i < b && i + n > a);
  // Entries in TOC order: a later entry with the same title looks past the earlier one's pick.
  const after = new Map<string, number>();
  const out: Opener[] = [];
  for (const m of missing) {
    const from = Math.max(m.from, after.get(m.key) ?? 0);
    const exact = (at.get(m.key) ?? []).filter((c) => c.i >= from && c.i + c.n <= m.to && !inside(c.i, c.n));
    const cands = exact.length > 0 || !fuzzy ? exact : likeTitle(lines, m, from, vocab, W).filter((c) => !inside(c.i, c.n));
    const ops = cands
      .map((c) => titleOpener(lines, c.i, c.n, m, vocab, W, lostDashes))
      .filter((o): o is { op: Opener; strong: boolean } => o !== null);
    const pick = ops.find((o) => o.strong) ?? ops[0];
    if (!pick) continue;
    out.push(pick.op);
    spans.push([pick.op.start, pick.op.bodyStart]);
    after.set(m.key, pick.op.bodyStart);
  }
  return out;
}

/**
 * Lines (one to three on a page, between `from` and the entry's range end) whose key is at least
 * FUZZY_TITLE alike the entry's title, likest first. The entry's key may carry an organisation
 * that OCR stripped of its dashes (see titleMatch), so a line matching its head counts too.
 */
function likeTitle(lines: readonly Line[], m: MissingCase, from: number, vocab: Vocabulary, W: number): { i: number; n: number }[] {
  if (m.key.length < 4) return [];
  const scored: { i: number; n: number; score: number }[] = [];
  for (let i = from; i < m.to; i++) {
    let key = '';
    for (let n = 1; n <= MAX_TITLE_LINES && i + n <= m.to; n++) {
      const l = lines[i + n - 1]!;
      if (l.page !== lines[i]!.page || !titleLike(l, vocab, W)) break;
      key += matchKey(l.text);
      if (key.length > m.key.length * 1.5 + 2) break;
      const score = titleMatch(key, m.key);
      if (score >= FUZZY_TITLE) scored.push({ i, n, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score || a.i - b.i);
}

function titleLike(l: Line, vocab: Vocabulary, W: number): boolean {
  if (l.width < 1 || l.width > 40 || l.width >= W - 1.5) return false;
  return !isDashLine(l.text) && !isLabel(l, vocab) && !isDateLine(l.text);
}

function titleOpener(
  lines: readonly Line[],
  i: number,
  n: number,
  m: MissingCase,
  vocab: Vocabulary,
  W: number,
  lostDashes: boolean,
): { op: Opener; strong: boolean } | null {
  const title = lines.slice(i, i + n);
  if (continuesAbove(lines, i - 1, m.from, title[0]!, vocab, W)) return null;
  const under = lines[i + n];
  let org: Line | null = null;
  let orgFromToc: string | null = m.organization ?? '';
  if (under && under.page === title[n - 1]!.page && i + n < m.to) {
    const t = under.text;
    const tocOrg = m.organization ? compact(m.organization) : '';
    if (RE_DASH_JUNK.test(t)) org = under;
    else if (isDashLine(t)) {
      org = under;
      orgFromToc = null;
    } else if (tocOrg.length > 0 && compact(t).endsWith(tocOrg) && RE_DASH_PREFIX.test(t)) {
      const head = compact(t).slice(0, -tocOrg.length);
      if (RE_DASH_JUNK.test(head)) org = under;
    } else if (tocOrg.length >= 4) {
      // OCR's reading of the line, a dash or two (or none) and the name, against the TOC's
      // reading of the name, which may carry leader junk after it.
      const name = compact(t.replace(RE_DASH_PREFIX, ''));
      const alike = Math.max(similarity(name, tocOrg), similarity(name, tocOrg.slice(0, name.length)));
      if (name.length >= 4 && alike >= FUZZY_TITLE && titleMatch(m.key, matchKey(name)) < FUZZY_TITLE) {
        org = under;
        orgFromToc = t.replace(RE_DASH_PREFIX, '').trim();
      }
    }
    if (!org && lostDashes && nameLine(under, vocab) && titleMatch(m.key, matchKey(t)) < FUZZY_TITLE) {
      org = under;
      orgFromToc = nameOf(t);
    }
  }
  const op: Opener = {
    start: i,
    bodyStart: i + n + (org ? 1 : 0),
    titleLines: title,
    org,
    orgFromToc,
    label: null,
    commentary: [],
    signature: null,
  };
  boxBefore(lines, op, i - 1, m.from, vocab, lostDashes);
  boxAfter(lines, op, vocab);
  const opensPage = op.start === 0 || lines[op.start - 1]!.page !== lines[op.start]!.page;
  if (!org && !opensPage) return null;
  return { op, strong: org !== null };
}

/** The name on an attribution line: after its dashes, or after the lone 一 OCR left of them. */
export function nameOf(text: string): string {
  if (isDashLine(text)) return dashRest(text);
  return text.replace(/^[一—-]\s*(?=\p{Script=Han})/u, '').trim();
}

/** The organisation an opener names: its own line's name, else the TOC's. */
export function openerOrganization(op: Opener): string {
  if (op.orgFromToc !== null) return op.orgFromToc;
  return op.org ? dashRest(op.org.text) : '';
}

/**
 * Rule 'ocr-lost-dashes': a line that names an organisation (short, no punctuation, ending with
 * one of the vocabulary's organisation words) where an attribution line belongs, whose dashes OCR
 * lost or read as a single 一.
 */
export function nameLine(l: Line, vocab: Vocabulary): boolean {
  const t = l.text.replace(/^一(?=\p{Script=Han})/u, '');
  if (l.width < 4 || l.width > 30 || /[，。；：！？、,.;:!?“”"]/.test(t)) return false;
  return endsWithOrganizationWord(t, vocab);
}

/** Commentary box printed above the title: label, paragraphs, optional `———signature`. */
function boxBefore(lines: readonly Line[], op: Opener, j: number, floor: number, vocab: Vocabulary, lostDashes = false): void {
  let k = j;
  let signature: Line | null = null;
  if (k >= floor && (isDashLine(lines[k]!.text) || (lostDashes && nameLine(lines[k]!, vocab) && labelAbove(lines, k, floor, vocab)))) {
    signature = lines[k]!;
    k--;
  }
  const box: Line[] = [];
  while (k >= floor && box.length < MAX_BOX_LINES && !isLabel(lines[k]!, vocab) && !isDashLine(lines[k]!.text)) {
    box.unshift(lines[k]!);
    k--;
  }
  if (k >= floor && isLabel(lines[k]!, vocab)) {
    op.label = lines[k]!;
    op.commentary = box;
    op.signature = signature;
    op.start = k;
  }
}

/** Whether a commentary label opens the page above line `k`, with no dash line between. */
function labelAbove(lines: readonly Line[], k: number, floor: number, vocab: Vocabulary): boolean {
  const page = lines[k]!.page;
  for (let i = k - 1; i >= floor && lines[i]!.page === page; i--) {
    if (isLabel(lines[i]!, vocab)) return true;
    if (isDashLine(lines[i]!.text)) return false;
  }
  return false;
}

/** Commentary box printed right after the organisation line. */
function boxAfter(lines: readonly Line[], op: Opener, vocab: Vocabulary): void {
  if (op.label) return;
  const first = lines[op.bodyStart];
  if (!first || !isLabel(first, vocab)) return;
  let k = op.bodyStart + 1;
  const box: Line[] = [];
  while (k < lines.length && box.length < MAX_BOX_LINES && !isDashLine(lines[k]!.text) && !isLabel(lines[k]!, vocab)) {
    box.push(lines[k]!);
    k++;
  }
  const sig = lines[k];
  if (sig && isDashLine(sig.text) && box.length > 0) {
    op.label = first;
    op.commentary = box;
    op.signature = sig;
    op.bodyStart = k + 1;
    return;
  }
  // No signature: the box holds one paragraph, up to the first line that ends a sentence.
  const end = box.findIndex((l) => endsSentence(l.text));
  if (end >= 0) {
    op.label = first;
    op.commentary = box.slice(0, end + 1);
    op.bodyStart = op.bodyStart + 1 + end + 1;
  }
}
