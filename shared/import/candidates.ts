import type { ImportedTocEntry } from '../model/importResult.ts';
import type { Line } from './lines.ts';
import {
  attachBox,
  caseNumberLine,
  caseNumberOf,
  labelAbove,
  misreadNameLine,
  setApart,
  titleContinues,
  findOpeners,
  findPageOpeners,
  findTitleCandidates,
  isLabel,
  nameLine,
  nameOf,
  titleShaped,
  type Opener,
  type OpenerScan,
} from './openers.ts';
import { isDashLine, isDateLine } from './structure.ts';
import { matchKey } from './tocMatch.ts';
import { endsSentence } from '../text/cjk.ts';

/**
 * Case-opener candidates: every place that could start a case, each with a score from its shape
 * (and geometry where the source has it). Which of them open cases, and which TOC entry each is,
 * the alignment decides (tocMatch.ts `alignWithToc`); the rest stay body text.
 *
 * Sources: a title over a `———organisation` line (`findOpeners`); a TOC entry's title printed as
 * one to three lines (`findTitleCandidates`); title-like lines over a line naming an organisation
 * without dashes, or set apart by geometry (larger, bold, centred); under rule 'ocr-page-opener',
 * the first lines of the page the TOC gives an entry whose title is printed nowhere.
 */
export interface Candidate {
  opener: Opener;
  /** How much its lines look like a case's opening (see `shapeScore`). */
  shape: number;
  /** The TOC entries it was found for by their title or page; null: any entry. */
  entries: Set<number> | null;
  /** Title key (`matchKey`), '' when the title was lost. */
  key: string;
  /** The organisation its own line names ('' when none). */
  org: string;
  /** Page of its title. */
  page: number;
  /** A title over a `———organisation` line: the shape that may open a case no TOC entry lists. */
  anchored: boolean;
  /**
   * Numbered in sequence: a case-number line (案例 4) above a title set apart by geometry (larger,
   * or bold and centred), its number 1 or next to another such line's. Without a TOC this opens a
   * case even when OCR garbled the organisation line or none was printed.
   */
  numbered: boolean;
}

export interface CandidateOptions {
  toc: readonly ImportedTocEntry[];
  /** Printed page number of each page (null where unknown). */
  printed: readonly (number | null)[];
  /** Rule 'fuzzy-title-match' in looking for an entry's title by likeness (OCR text). */
  fuzzyFind: boolean;
  /** Rule 'ocr-page-opener' (see `findPageOpeners`). */
  pageOpeners: boolean;
}

// An entry's first line in a TOC: a number (OCR's look-alikes too) and a slash.
const RE_TOC_LINE = /^\s*[0-9OolI|\]]{1,3}\s*[1lI|]?\s*[/／]/;

/** Shape score of a title over a `———organisation` line: the least that may open a case no TOC lists. */
export const ANCHORED = 5;

/** All candidates, sorted by start (then by extent); each place once. */
export function findCandidates(scan: OpenerScan, opts: CandidateOptions): Candidate[] {
  const { toc } = opts;
  const tocTitles = new Set(toc.map((e) => (e.title ? matchKey(e.title) : '')).filter((k) => k.length > 0));
  const byPlace = new Map<string, Candidate>();
  const add = (opener: Opener, entry: number | null): void => {
    // A TOC line (`001 / title`, read where no TOC page was recognised) is never a case.
    if (RE_TOC_LINE.test(opener.titleLines[0]!.text)) return;
    // The same lines found for two entries (twins) with the organisation taken from each: two candidates.
    const place = `${opener.start}:${opener.bodyStart}:${opener.orgFromToc ?? ''}`;
    const had = byPlace.get(place);
    if (had) {
      if (had.entries && entry !== null) had.entries.add(entry);
      else if (entry === null) had.entries = null;
      return;
    }
    const title = opener.titleLines.map((l) => l.text).join('');
    byPlace.set(place, {
      opener,
      shape: shapeScore(scan, opener),
      entries: entry === null ? null : new Set([entry]),
      key: matchKey(title),
      org: opener.org ? nameOf(opener.org.text) : '',
      page: opener.titleLines[0]!.page,
      anchored: opener.org !== null && isDashLine(opener.org.text) && title.length > 0,
      numbered: false,
    });
  };
  for (const o of findOpeners(scan, { tocTitles, fuzzy: opts.fuzzyFind })) add(o, null);
  const wanted = toc.map((e, t) => ({ entry: t, key: e.title ? matchKey(e.title) : '', organization: e.organization }));
  const byTitle = findTitleCandidates(scan, wanted, { fuzzy: opts.fuzzyFind });
  for (const c of byTitle) add(c.opener, c.entry);
  for (const o of shapeOpeners(scan)) add(o, null);
  if (opts.pageOpeners) {
    // Entries whose title no candidate bears: their case may open on the TOC's page (OCR garbled the title).
    const keys = new Set([...byPlace.values()].map((c) => c.key));
    const missing = toc
      .map((e, t) => ({ entry: t, organization: e.organization, page: e.page, from: 0, to: scan.lines.length }))
      .filter((m) => !keys.has(wanted[m.entry]!.key) && !byTitle.some((c) => c.entry === m.entry));
    for (const c of findPageOpeners(scan, missing, opts.printed)) add(c.opener, c.entry);
  }
  const all = [...byPlace.values()];
  markNumbered(all);
  return all.sort((a, b) => a.opener.start - b.opener.start || a.opener.bodyStart - b.opener.bodyStart);
}

/**
 * Sets `numbered` on the candidates whose title, set apart, has a case-number line above it whose
 * number is 1 or one off another such line's (a volume numbers its cases in sequence; one number
 * alone may be a stray digit).
 */
function markNumbered(candidates: Candidate[]): void {
  const numberOf = (c: Candidate): number | null => {
    const line = c.opener.numberLine;
    return line && c.opener.titleLines.length > 0 && setApart(c.opener.titleLines[0]!) ? caseNumberOf(line) : null;
  };
  const numbers = new Map<Line, number>();
  for (const c of candidates) {
    const n = numberOf(c);
    if (n !== null) numbers.set(c.opener.numberLine!, n);
  }
  const seen = new Set(numbers.values());
  for (const c of candidates) {
    const n = numberOf(c);
    c.numbered = n !== null && n >= 1 && (n === 1 || seen.has(n - 1) || seen.has(n + 1));
  }
}

/**
 * Score of an opener's shape: an organisation line under the title (with dashes 4, a name without
 * them 2.5), a title (1), a commentary box (1.5), opening its page (1); where the source has
 * geometry, a title set larger (2), bold (1), centred (0.5), with space above (0.5), an
 * organisation set flush right (0.5) — and a title at body size, plain and flush left, loses 1.5.
 */
export function shapeScore({ lines }: OpenerScan, opener: Opener): number {
  let s = 0;
  if (opener.org) s += isDashLine(opener.org.text) ? 4 : 2.5;
  const first = opener.titleLines[0]!;
  if (first.text !== '') s += 1;
  if (opener.label) s += 1.5;
  const top = lines[opener.start];
  if (opener.start === 0 || (top && lines[opener.start - 1]!.page !== top.page)) s += 1;
  const geo = first.geo;
  if (geo) {
    if (geo.size >= 1.15) s += 2;
    if (geo.bold) s += 1;
    if (geo.centred) s += 0.5;
    if (geo.spaceAbove >= 1.5) s += 0.5;
    if (geo.size < 1.05 && !geo.bold && !geo.centred) s -= 1.5;
  }
  if (opener.org?.geo?.flushRight) s += 0.5;
  return s;
}

const MAX_TITLE_LINES = 3;

/**
 * Openers by shape alone, for layouts whose organisation line has no dashes: one to three
 * title-shaped lines over a line naming an organisation (ending in an organisation word), where
 * nothing above runs on into them; or, with geometry, lines set larger or bold and centred, with
 * the organisation line under them if there is one.
 */
function shapeOpeners(scan: OpenerScan): Opener[] {
  const { lines, vocab, fullWidth } = scan;
  const out: Opener[] = [];
  const titleLine = (l: Line): boolean =>
    titleShaped(l) &&
    l.width < fullWidth - 1.5 &&
    !isLabel(l, vocab) &&
    !isDashLine(l.text) &&
    !isDateLine(l.text) &&
    !caseNumberLine(l);
  const orgLine = (l: Line | undefined): boolean => l !== undefined && !isDashLine(l.text) && nameLine(l, vocab);
  const make = (start: number, n: number, org: Line | null): Opener => {
    const opener: Opener = {
      start,
      bodyStart: start + n + (org ? 1 : 0),
      titleLines: lines.slice(start, start + n),
      org,
      orgFromToc: null,
      label: null,
      commentary: [],
      signature: null,
    };
    attachBox(scan, opener);
    return opener;
  };
  const runsOn = (start: number): boolean => {
    const before = lines[start - 1];
    return (
      before !== undefined && before.page === lines[start]!.page && !endsSentence(before.text) && before.width >= fullWidth * 0.6
    );
  };
  for (let j = 1; j < lines.length; j++) {
    const org = lines[j]!;
    if (!orgLine(org)) continue;
    let i = j;
    // The title's last line ends plainly; the ones above may break after ：，、 (as in `findOpeners`).
    while (
      i > 0 &&
      j - i < MAX_TITLE_LINES &&
      lines[i - 1]!.page === org.page &&
      (i === j ? titleLine(lines[i - 1]!) : titleContinues(lines[i - 1]!) && !isLabel(lines[i - 1]!, vocab)) &&
      !orgLine(lines[i - 1])
    )
      i--;
    // Each way of reading the lines above as the title (the alignment picks).
    for (let start = i; start < j; start++) if (!runsOn(start)) out.push(make(start, j - start, org));
    // Some hands set the name above the title: one to three title lines under it, the last ending
    // plainly. (Not the signature of a box above: the first name line after the box's text.)
    const signsBox = labelAbove(scan, j, 0) && !(j > 0 && (isDashLine(lines[j - 1]!.text) || orgLine(lines[j - 1])));
    let k = signsBox ? j : j + 1;
    while (
      k < lines.length &&
      k - j <= MAX_TITLE_LINES &&
      lines[k]!.page === org.page &&
      !orgLine(lines[k]) &&
      (titleLine(lines[k]!) || (titleContinues(lines[k]!) && !isLabel(lines[k]!, vocab)))
    )
      k++;
    for (let end = j + 1; end < k; end++) {
      if (!titleLine(lines[end]!)) continue;
      const opener: Opener = {
        start: j,
        bodyStart: end + 1,
        titleLines: lines.slice(j + 1, end + 1),
        org,
        // OCR's lone 一 left of the name is its lost dashes (logged with rule 'ocr-lost-dashes').
        orgFromToc: scan.lostDashes ? nameOf(org.text) : null,
        label: null,
        commentary: [],
        signature: null,
      };
      attachBox(scan, opener);
      out.push(opener);
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const geo = lines[i]!.geo;
    if (!geo || !(geo.size >= 1.15 || (geo.bold && geo.centred)) || !titleLine(lines[i]!)) continue;
    if (i > 0 && lines[i - 1]!.page === lines[i]!.page && lines[i - 1]!.geo?.size === geo.size) continue;
    let n = 1;
    while (
      n < MAX_TITLE_LINES &&
      lines[i + n]?.page === lines[i]!.page &&
      lines[i + n]!.geo?.size === geo.size &&
      titleLine(lines[i + n]!)
    )
      n++;
    const under = lines[i + n];
    // Under a title set apart, OCR's misreading of the name line (brackets, one character of its ending) still names it.
    const misread = (l: Line): boolean =>
      scan.lostDashes && l.geo !== undefined && l.geo.size < geo.size && misreadNameLine(l, vocab);
    const org =
      under && under.page === lines[i]!.page && (isDashLine(under.text) || orgLine(under) || misread(under)) ? under : null;
    const opener = make(i, n, org);
    // OCR's lone 一 left of the name is its lost dashes (logged with rule 'ocr-lost-dashes').
    if (org && scan.lostDashes && !isDashLine(org.text)) opener.orgFromToc = nameOf(org.text);
    out.push(opener);
  }
  return out;
}
