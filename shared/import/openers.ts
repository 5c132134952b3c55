import type { Line } from './lines.ts';
import { isVocab, type Vocabulary } from './vocabulary.ts';
import { dashRest, isDashLine, isDateLine } from './structure.ts';
import { compact, endsSentence, endsWithPunct, lastChar } from '../text/cjk.ts';
import { matchKey } from './tocMatch.ts';

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
export function findOpeners(lines: readonly Line[], vocab: Vocabulary, W: number): Opener[] {
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
      title.unshift(l);
      j--;
    }
    if (title.length === 0) continue;
    if (continuesAbove(lines, j, floor, title[0]!, vocab, W)) continue;
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
    boxBefore(lines, op, j, floor, vocab);
    boxAfter(lines, op, vocab);
    openers.push(op);
    floor = op.bodyStart;
    i = op.bodyStart - 1;
  }
  return openers;
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
    const ops = (at.get(m.key) ?? [])
      .filter((c) => c.i >= from && c.i + c.n <= m.to && !inside(c.i, c.n))
      .map((c) => titleOpener(lines, c.i, c.n, m, vocab, W))
      .filter((o): o is { op: Opener; strong: boolean } => o !== null);
    const pick = ops.find((o) => o.strong) ?? ops[0];
    if (!pick) continue;
    out.push(pick.op);
    spans.push([pick.op.start, pick.op.bodyStart]);
    after.set(m.key, pick.op.bodyStart);
  }
  return out;
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
  boxBefore(lines, op, i - 1, m.from, vocab);
  boxAfter(lines, op, vocab);
  const opensPage = op.start === 0 || lines[op.start - 1]!.page !== lines[op.start]!.page;
  if (!org && !opensPage) return null;
  return { op, strong: org !== null };
}

/** The organisation an opener names: its own line's name, else the TOC's. */
export function openerOrganization(op: Opener): string {
  if (op.orgFromToc !== null) return op.orgFromToc;
  return op.org ? dashRest(op.org.text) : '';
}

/** Commentary box printed above the title: label, paragraphs, optional `———signature`. */
function boxBefore(lines: readonly Line[], op: Opener, j: number, floor: number, vocab: Vocabulary): void {
  let k = j;
  let signature: Line | null = null;
  if (k >= floor && isDashLine(lines[k]!.text)) {
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
