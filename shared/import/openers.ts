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
  /** A line above the title that only gives the case's number (案例 2): structure, not text. */
  numberLine?: Line;
}

const MAX_TITLE_LINES = 3;
const MAX_BOX_LINES = 40;

/** A line that could be (part of) a case title. */
export function titleShaped(line: Line): boolean {
  if (line.width < 2 || line.width > 40 || caseNumberLine(line)) return false;
  if (isDateLine(line.text) || isDashLine(line.text)) return false;
  const last = lastChar(line.text);
  return !endsWithPunct(line.text) || last === '！' || last === '？';
}

// Lines are asked again and again (every candidate looks for its box): each is read once per vocabulary.
const labelCache = new WeakMap<Line, { vocab: Vocabulary; label: boolean }>();

export function isLabel(line: Line, vocab: Vocabulary): boolean {
  const known = labelCache.get(line);
  if (known && known.vocab === vocab) return known.label;
  const label = isVocab(line.text, vocab.commentaryLabels);
  labelCache.set(line, { vocab, label });
  return label;
}

/** The text the openers are looked for in, and how to read it. */
export interface OpenerScan {
  /** The content lines (TOC pages left out), in reading order; openers index into them. */
  lines: readonly Line[];
  vocab: Vocabulary;
  /** Width of a full body line, in ems: a title line is never that wide. */
  fullWidth: number;
  /** Rule 'ocr-lost-dashes' (OCR text): see `nameLine`. */
  lostDashes: boolean;
}

export interface OpenerOptions {
  /** The TOC's titles (`matchKey`): how many lines above an organisation make up a title. */
  tocTitles?: ReadonlySet<string>;
  /** Titles are matched with the TOC's by likeness (OCR text). */
  fuzzy?: boolean;
}

// A title broken over lines after one of these runs on into the next line.
const TITLE_BREAKS = '：，、';

/** A title line that runs on into the one under it: ends with ：，、 (or a closing quote, or nothing). */
export function titleContinues(line: Line): boolean {
  if (line.width < 2 || line.width > 40) return false;
  if (isDateLine(line.text) || isDashLine(line.text)) return false;
  // A quoted word closed with a misread opening quote (“党员积分制“) ends the line too.
  return titleShaped(line) || TITLE_BREAKS.includes(lastChar(line.text)) || /“[^“”\s]{1,10}“$/u.test(line.text);
}

/**
 * The title lines that belong to the title, of those found above an organisation (`title`, top
 * first): the fewest bottom lines whose joined key is a TOC title, else all of them.
 */
function tocTitleLines(title: Line[], tocTitles: ReadonlySet<string> | undefined, fuzzy: boolean): Line[] {
  if (!tocTitles || tocTitles.size === 0 || title.length < 2) return title;
  let key = '';
  // Under OCR no reading is exact: the bottom lines likest a TOC title (a running head misread above the title is not).
  let likest = { n: title.length, score: FUZZY_TITLE };
  for (let n = 1; n <= title.length; n++) {
    key = matchKey(title[title.length - n]!.text) + key;
    if (tocTitles.has(key)) return title.slice(title.length - n);
    if (!fuzzy) continue;
    for (const t of tocTitles) {
      const score = titleMatch(key, t);
      if (score > likest.score) likest = { n, score };
    }
  }
  return fuzzy ? title.slice(title.length - likest.n) : title;
}

/** Finds every case opener in reading order. */
export function findOpeners(scan: OpenerScan, { tocTitles, fuzzy = false }: OpenerOptions = {}): Opener[] {
  const { lines, vocab, fullWidth } = scan;
  const openers: Opener[] = [];
  let floor = 0; // lines before this belong to an earlier opener
  for (let i = 0; i < lines.length; i++) {
    const org = lines[i]!;
    if (i < floor || !isDashLine(org.text)) continue;
    let j = i - 1;
    let title: Line[] = [];
    while (j >= floor && title.length < MAX_TITLE_LINES) {
      const l = lines[j]!;
      // A title line is never a full line of running text; only its last line must end plainly,
      // the ones above may break after ：，、.
      const shaped = title.length === 0 ? titleShaped(l) : titleContinues(l);
      if (l.page !== org.page || isDashLine(l.text) || isLabel(l, vocab) || !shaped || l.width >= fullWidth - 1.5) break;
      // A running head repeating the title above it is no part of it.
      if (title.length > 0 && runningTitle(l, title)) break;
      // A box's signature set without dashes (or whose dashes OCR lost) is no title line.
      if (nameLine(l, vocab) && labelAbove(scan, j, floor)) break;
      title.unshift(l);
      j--;
    }
    // The TOC says how many of these lines the title has.
    const kept = tocTitleLines(title, tocTitles, fuzzy);
    j += title.length - kept.length;
    title = kept;
    if (title.length === 0) continue;
    if (continuesAbove(scan, { start: j + 1, n: title.length, floor })) continue;
    if (signatureOfBox(scan, i, floor)) continue;
    const opener: Opener = {
      start: j + 1,
      bodyStart: i + 1,
      titleLines: title,
      org,
      orgFromToc: null,
      label: null,
      commentary: [],
      signature: null,
    };
    boxBefore(scan, opener, floor);
    boxAfter(scan, opener);
    openers.push(opener);
    floor = opener.bodyStart;
    i = opener.bodyStart - 1;
  }
  return openers;
}

/** The stand-in for a title OCR garbled: an empty line where the opener's first line is. */
function garbledTitle(first: Line): Line {
  return {
    page: first.page,
    lineNo: first.lineNo,
    raw: '',
    text: '',
    indent: 0,
    blankBefore: false,
    width: 0,
    hadLeaders: false,
  };
}

/**
 * Whether the dash line at `i` signs a commentary box rather than naming a case's organisation:
 * a box label above it on its page (no dash line between, not above `floor`), and right under it
 * another title over a dash line. Then the "title" above `i` is the box's last line, whose full
 * stop OCR lost.
 */
function signatureOfBox(scan: OpenerScan, i: number, floor: number): boolean {
  const { lines, vocab, fullWidth, lostDashes } = scan;
  const page = lines[i]!.page;
  let k = i - 1;
  while (k >= floor && lines[k]!.page === page && !isLabel(lines[k]!, vocab) && !isDashLine(lines[k]!.text)) k--;
  if (k < floor || lines[k]!.page !== page || !isLabel(lines[k]!, vocab)) return false;
  let n = 0;
  while (n < MAX_TITLE_LINES) {
    const l = lines[i + 1 + n];
    if (
      !l ||
      l.page !== page ||
      isDashLine(l.text) ||
      (lostDashes && nameLine(l, vocab)) ||
      !titleShaped(l) ||
      l.width >= fullWidth - 1.5
    )
      break;
    n++;
  }
  const org = lines[i + 1 + n];
  return n > 0 && org !== undefined && org.page === page && (isDashLine(org.text) || (lostDashes && nameLine(org, vocab)));
}

/** A would-be title: its first line, its number of lines, and the first line that may belong to it. */
interface TitleAt {
  start: number;
  n: number;
  floor: number;
}

/** Whether `line` repeats the title (a running head, maybe with a page number): no paragraph's end. */
function runningTitle(line: Line, title: readonly Line[]): boolean {
  const key = matchKey(title.map((l) => l.text).join(''));
  // Alike, not equal: OCR misreads the head and the title differently.
  return key.length > 0 && titleMatch(matchKey(line.text.replace(/^\s*\d{1,4}\s*|\s*\d{1,4}\s*$/g, '')), key) >= FUZZY_TITLE;
}

/**
 * Whether the line above a would-be title (whose first line is at `start`; nothing above `floor`
 * counts) runs on into it: then the "title" ends a paragraph. A running head repeating the title
 * does not.
 */
function continuesAbove({ lines, vocab, fullWidth }: OpenerScan, { start, n, floor }: TitleAt): boolean {
  const before = start - 1 >= floor ? lines[start - 1] : undefined;
  return (
    before !== undefined &&
    !runningTitle(before, lines.slice(start, start + n)) &&
    before.page === lines[start]!.page &&
    !isDashLine(before.text) &&
    !isLabel(before, vocab) &&
    !endsSentence(before.text) &&
    before.width >= fullWidth * 0.6
  );
}

/** A case the TOC lists that no opener was found for by its title: its entry, organisation, page and where to look. */
export interface MissingCase {
  /** The entry's index in the TOC. */
  entry: number;
  organization: string | null;
  /** Line range to search, [from, to). */
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
 * Rule 'ocr-page-opener': a TOC entry whose case no opener was found for by its title may open
 * on the page the TOC gives it (read off the running footers, as
 * `printed` holds them per page): OCR garbled its title and organisation lines (read as Latin
 * letters). The opener takes that page's first lines: a commentary box if a label opens the page
 * (its lines up to the first garbled one), then the garbled lines; the body starts at the next
 * line of Chinese text. Its title and organisation come from the TOC and the footers (reconcile.ts).
 */
export function findPageOpeners(
  { lines, vocab }: Pick<OpenerScan, 'lines' | 'vocab'>,
  missing: readonly MissingCase[],
  printed: readonly (number | null)[],
): { opener: Opener; entry: number }[] {
  const out: { opener: Opener; entry: number }[] = [];
  for (const entry of missing) {
    if (entry.page == null) continue;
    const start = lines.findIndex(
      (l, i) => i >= entry.from && i < entry.to && printed[l.page] === entry.page && (i === 0 || lines[i - 1]!.page !== l.page),
    );
    if (start < 0) continue;
    const first = lines[start]!;
    const garbled = (l: Line): boolean => hanShare(l.text) < 0.5;
    let k = start;
    let label: Line | null = null;
    const commentary: Line[] = [];
    if (isLabel(first, vocab)) {
      label = first;
      k++;
      while (k < entry.to && lines[k]!.page === first.page && !garbled(lines[k]!) && !isDashLine(lines[k]!.text))
        commentary.push(lines[k++]!);
    }
    // The opener's own lines, as garbled as its title.
    const before = k;
    while (k < entry.to && lines[k]!.page === first.page && (garbled(lines[k]!) || isDashLine(lines[k]!.text))) k++;
    if (k === before && !label) continue;
    const opener: Opener = {
      start,
      bodyStart: k,
      titleLines: [garbledTitle(first)],
      org: null,
      orgFromToc: entry.organization ?? '',
      label,
      commentary,
      signature: null,
    };
    out.push({ opener, entry: entry.entry });
  }
  return out;
}

// What OCR leaves of an organisation's dash run when the name is lost, or a dash run it misread.
const RE_DASH_JUNK = /^[\s\uFFFD—―─━－~～\-一_=.·…]+$/;
const RE_DASH_PREFIX = /^[\s\uFFFD—―─━－~～\-一_=.·…]{1,6}/;

/** A TOC entry whose title is looked for in the text. */
export interface WantedTitle {
  /** The entry's index in the TOC. */
  entry: number;
  /** Its title's key (`matchKey`). */
  key: string;
  organization: string | null;
}

/** An opener found by a TOC entry's title, for that entry; `strong` when an organisation line stands under it. */
export interface TitleCandidate {
  opener: Opener;
  entry: number;
  strong: boolean;
}

/** Where a title may be printed: its first line's index and its number of lines. */
interface TitleSpot {
  i: number;
  n: number;
}

/**
 * Openers for cases found by their title: every line (or two or three lines on one page) whose
 * key is a wanted entry's title, where nothing above runs on into it; under rule
 * 'fuzzy-title-match' (`fuzzy`), for an entry whose title is printed nowhere exactly, the likest
 * lines instead. The line under the title is taken as the organisation line when it is a dash
 * run (named or not) or ends with the entry's organisation after a little dash-like junk; the
 * organisation then comes from the line if it names one, else from the TOC. A candidate needs
 * either such a line or to open its page (possibly after a commentary box), so that a body
 * heading that repeats a title is no case. Which of them open cases the alignment decides.
 */
export function findTitleCandidates(scan: OpenerScan, wanted: readonly WantedTitle[], { fuzzy = false } = {}): TitleCandidate[] {
  const { lines } = scan;
  const keys = new Set(wanted.map((m) => m.key).filter((k) => k.length >= 2));
  if (keys.size === 0) return [];
  // Where each wanted key is printed: start and length (in lines) of every spot.
  const spotsByKey = new Map<string, TitleSpot[]>();
  for (let i = 0; i < lines.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_TITLE_LINES && i + n <= lines.length; n++) {
      const l = lines[i + n - 1]!;
      if (l.page !== lines[i]!.page || !titleLike(scan, l)) break;
      key += matchKey(l.text);
      if (!keys.has(key)) continue;
      let list = spotsByKey.get(key);
      if (!list) spotsByKey.set(key, (list = []));
      list.push({ i, n });
    }
  }
  const out: TitleCandidate[] = [];
  for (const entry of wanted) {
    if (entry.key.length < 2) continue;
    const exact = spotsByKey.get(entry.key) ?? [];
    const spots = exact.length > 0 || !fuzzy ? exact : likeTitle(scan, entry.key);
    for (const spot of spots) {
      // A running head (opening its page) repeating the title right above it is no title.
      const opensPage = spot.i === 0 || lines[spot.i - 1]!.page !== lines[spot.i]!.page;
      if (opensPage && spots.some((o) => o.i === spot.i + spot.n)) continue;
      const found = titleOpener(scan, spot, entry);
      if (found) out.push({ ...found, entry: entry.entry });
    }
  }
  return out;
}

/**
 * Lines (one to three on a page) whose key is at least FUZZY_TITLE alike the entry's title key,
 * likest first. The entry's key may carry an organisation that OCR stripped of its dashes (see
 * titleMatch), so a line matching its head counts too.
 */
function likeTitle(scan: OpenerScan, entryKey: string): TitleSpot[] {
  const { lines } = scan;
  if (entryKey.length < 4) return [];
  const scored: (TitleSpot & { score: number })[] = [];
  for (let i = 0; i < lines.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_TITLE_LINES && i + n <= lines.length; n++) {
      const l = lines[i + n - 1]!;
      if (l.page !== lines[i]!.page || !titleLike(scan, l)) break;
      key += matchKey(l.text);
      if (key.length > entryKey.length * 1.5 + 2) break;
      const score = titleMatch(key, entryKey);
      if (score >= FUZZY_TITLE) scored.push({ i, n, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score || a.i - b.i);
}

function titleLike({ vocab, fullWidth }: OpenerScan, l: Line): boolean {
  if (l.width < 1 || l.width > 40 || l.width >= fullWidth - 1.5) return false;
  return !isDashLine(l.text) && !isLabel(l, vocab) && !isDateLine(l.text);
}

/**
 * The opener of `entry`'s case with its title at `spot`, or null; `strong` when an organisation
 * line was found under the title (else the title must open its page).
 */
function titleOpener(scan: OpenerScan, { i, n }: TitleSpot, entry: WantedTitle): { opener: Opener; strong: boolean } | null {
  const { lines, vocab, lostDashes } = scan;
  const title = lines.slice(i, i + n);
  // A title does not end with ：，、 (its line runs on into the next).
  if (TITLE_BREAKS.includes(lastChar(title[n - 1]!.text))) return null;
  const under = lines[i + n];
  // An entry the TOC gives no organisation: any line naming one under its title, or above it, is its own
  // (as OCR may misread it, by a title set apart).
  const anyName = !entry.organization;
  const named = (l: Line): boolean => nameLine(l, vocab) || (lostDashes && setApart(title[0]!) && misreadNameLine(l, vocab));
  const nameUnder =
    anyName && under !== undefined && under.page === title[n - 1]!.page && !isDashLine(under.text) && named(under);
  // Some hands set the organisation above the title: the line right above it naming the entry's organisation.
  const above = lines[i - 1];
  const nameAbove =
    !nameUnder &&
    above !== undefined &&
    above.page === title[0]!.page &&
    (namesOrganization(above, entry.organization, scan) || (anyName && !isDashLine(above.text) && named(above)));
  if (!nameAbove && continuesAbove(scan, { start: i, n, floor: 0 })) return null;
  let org: Line | null = null;
  let orgFromToc: string | null = entry.organization ?? '';
  if (under && under.page === title[n - 1]!.page) {
    const text = under.text;
    const tocOrg = entry.organization ? compact(entry.organization) : '';
    if (RE_DASH_JUNK.test(text)) org = under;
    else if (isDashLine(text)) {
      org = under;
      orgFromToc = null;
    } else if (tocOrg.length > 0 && compact(text).endsWith(tocOrg) && RE_DASH_PREFIX.test(text)) {
      const head = compact(text).slice(0, -tocOrg.length);
      if (RE_DASH_JUNK.test(head)) org = under;
    } else if (tocOrg.length >= 4) {
      // OCR's reading of the line, a dash or two (or none) and the name, against the TOC's
      // reading of the name, which may carry leader junk after it.
      const name = compact(text.replace(RE_DASH_PREFIX, ''));
      const alike = Math.max(similarity(name, tocOrg), similarity(name, tocOrg.slice(0, name.length)));
      if (name.length >= 4 && alike >= FUZZY_TITLE && titleMatch(entry.key, matchKey(name)) < FUZZY_TITLE) {
        org = under;
        orgFromToc = text.replace(RE_DASH_PREFIX, '').trim();
      }
    }
    if (nameUnder) {
      org = under;
      // OCR's lone 一 left of the name is its lost dashes (logged with rule 'ocr-lost-dashes').
      orgFromToc = lostDashes ? nameOf(under.text) : null;
    }
    if (!org && lostDashes && nameLine(under, vocab) && titleMatch(entry.key, matchKey(text)) < FUZZY_TITLE) {
      org = under;
      orgFromToc = nameOf(text);
    }
  }
  const orgAbove = !org && nameAbove ? above : null;
  if (orgAbove) {
    org = orgAbove;
    orgFromToc = isDashLine(orgAbove.text) ? null : nameOf(orgAbove.text);
  }
  const opener: Opener = {
    start: orgAbove ? i - 1 : i,
    bodyStart: i + n + (org && !orgAbove ? 1 : 0),
    titleLines: title,
    org,
    orgFromToc,
    label: null,
    commentary: [],
    signature: null,
  };
  attachBox(scan, opener);
  const opensPage = opener.start === 0 || lines[opener.start - 1]!.page !== lines[opener.start]!.page;
  if (!org && !opensPage) return null;
  return { opener, strong: org !== null };
}

/** Whether `line` names the organisation `tocOrg` (a TOC entry's): the same name, with or without dashes or brackets. */
function namesOrganization(line: Line, tocOrg: string | null, scan: OpenerScan): boolean {
  // A dash line above a title signs the box before it.
  if (!tocOrg || isLabel(line, scan.vocab) || isDashLine(line.text)) return false;
  const name = compact(bareName(line.text));
  const want = compact(bareName(tocOrg));
  // Under OCR (its dashes lost, see `nameLine`) names are misread: alike is enough.
  return name.length >= 4 && (name === want || (scan.lostDashes && want.length >= 4 && similarity(name, want) >= FUZZY_TITLE));
}

/** A commentary box before the opener's title (starting on its page or the one before) or right after its organisation line joins it. */
export function attachBox(scan: OpenerScan, opener: Opener): void {
  const { lines } = scan;
  let floor = opener.start;
  while (floor > 0 && lines[floor - 1]!.page >= lines[opener.start]!.page - 1) floor--;
  boxBefore(scan, opener, floor);
  boxAfter(scan, opener);
}

/** The name on an attribution line: after its dashes, or after the lone 一 OCR left of them. */
export function nameOf(text: string): string {
  if (isDashLine(text)) return dashRest(text);
  return bareName(text.replace(/^[一—-]\s*(?=\p{Script=Han})/u, '').trim());
}

// An organisation set in brackets under its title: （name）, (name), 【name】, 〔name〕 — or as OCR reads
// them, mismatched, （ as 《 or 〈 (《name), 〈name〉).
const OPENING = '（(【〔［《〈';
const CLOSING = '）)】〕］》〉';
const RE_BRACKETED = new RegExp(`^[${OPENING}]\\s*([^（(【〔［）)】〕］]+?)\\s*[${CLOSING}]$`, 'u');

/** A name without the one pair of brackets enclosing it (rule 'org-brackets'). */
export function bareName(text: string): string {
  return RE_BRACKETED.exec(text.trim())?.[1] ?? text;
}

/** The organisation an opener names: its own line's name, else the TOC's. */
export function openerOrganization(opener: Opener): string {
  if (opener.orgFromToc !== null) return bareName(opener.orgFromToc);
  return opener.org ? bareName(dashRest(opener.org.text)) : '';
}

/**
 * Rule 'ocr-lost-dashes': a line that names an organisation (short, no punctuation, ending with
 * one of the vocabulary's organisation words) where an attribution line belongs, whose dashes OCR
 * lost or read as a single 一.
 */
export function nameLine(line: Line, vocab: Vocabulary): boolean {
  const text = bareName(line.text.replace(/^一(?=\p{Script=Han})/u, ''));
  if (line.width < 4 || line.width > 30 || /[，。；：！？、,.;:!?“”"]/.test(text)) return false;
  return endsWithOrganizationWord(text, vocab);
}

/** A title line set apart from the body by geometry: larger, or bold and centred. */
export function setApart(l: Line): boolean {
  return l.geo !== undefined && (l.geo.size >= 1.15 || (l.geo.bold && l.geo.centred));
}

/**
 * (OCR) A line naming an organisation where the geometry says one belongs (right under a title set
 * apart), as OCR may misread it: `nameLine`, or a bracket at one end only, or one character of an
 * organisation word of three or more characters misread, not its first (党文部 for 党支部), after a
 * name of at least three characters. A short word (局, 厂) misread is not told from any other character.
 */
export function misreadNameLine(line: Line, vocab: Vocabulary): boolean {
  if (nameLine(line, vocab)) return true;
  const text = compact(bareName(line.text.trim()))
    .replace(new RegExp(`^[${OPENING}]`, 'u'), '')
    .replace(new RegExp(`[${CLOSING}]$`, 'u'), '');
  if (line.width < 4 || line.width > 30 || /[，。；：！？、,.;:!?“”"（(【〔［《〈）)】〕］》〉]/.test(text)) return false;
  if (endsWithOrganizationWord(text, vocab)) return true;
  const chars = Array.from(text);
  // The word's first character read right (a place name of three or more before it): one other misread.
  return vocab.organizationSuffixes.some((word) => {
    const w = Array.from(word);
    if (w.length < 3 || chars.length < w.length + 3) return false;
    const tail = chars.slice(-w.length);
    return tail[0] === w[0] && tail.filter((ch, k) => ch !== w[k]).length === 1 && tail.every((ch) => isHan(ch));
  });
}

/**
 * Commentary box printed above the opener's title (not above `floor`): label, paragraphs,
 * optional `———signature`. Found, it joins the opener, which then starts at its label.
 */
function boxBefore(scan: OpenerScan, opener: Opener, floor: number): void {
  const { lines, vocab, lostDashes } = scan;
  let k = opener.start - 1;
  // A line giving the case's number (案例 2, 第2例, 2) may stand between the box and the title.
  const page = lines[opener.start]!.page;
  const numberLine = k >= floor && caseNumberLine(lines[k]!) && lines[k]!.page === page ? lines[k--]! : null;
  // A box printed before its title ends on the title's page: one ending on an earlier page closed the case before.
  if (k < floor || lines[k]!.page !== page) {
    if (numberLine) {
      opener.numberLine = numberLine;
      opener.start = k + 1;
    }
    return;
  }
  let signature: Line | null = null;
  // The signature: a dash line, or a name printed without dashes after the box's last sentence (or whose dashes OCR lost).
  const plainSignature = (): boolean =>
    nameLine(lines[k]!, vocab) && labelAbove(scan, k, floor) && (lostDashes || (k > floor && endsSentence(lines[k - 1]!.text)));
  if (k >= floor && (isDashLine(lines[k]!.text) || plainSignature())) {
    signature = lines[k]!;
    k--;
  }
  const box: Line[] = [];
  while (k >= floor && box.length < MAX_BOX_LINES && !isLabel(lines[k]!, vocab) && !isDashLine(lines[k]!.text)) {
    box.unshift(lines[k]!);
    k--;
  }
  if (k >= floor && isLabel(lines[k]!, vocab)) {
    opener.label = lines[k]!;
    opener.commentary = box;
    opener.signature = signature;
    opener.start = k;
    if (numberLine) opener.numberLine = numberLine;
  } else if (numberLine) {
    // No box: the number line itself opens the case.
    opener.numberLine = numberLine;
    opener.start = lines.indexOf(numberLine, floor);
  }
}

/** Lines a box printed after the body may take (its label included). */
const MAX_TRAILING_BOX = 40;

/** Where a box printed after the body opens (its label's index in `body`), or −1. */
export function trailingBoxAt(body: readonly Line[], vocab: Vocabulary): number {
  for (let i = body.length - 2; i >= Math.max(1, body.length - MAX_TRAILING_BOX); i--) {
    const text = body[i]!.text;
    if (isVocab(text, vocab.awardsHeadings)) return -1;
    if (isVocab(text, vocab.commentaryLabels)) return i;
  }
  return -1;
}

/**
 * A volume prints its boxes one way: before the titles, or after the bodies (where cases run on,
 * a box after a body stands right above the next title and is found as that opener's box). With a
 * box before the first title, they are before. Else the votes for after: each body (`bodies`, back
 * matter cut off) that still ends with a box, and each box naming the organisation of the case above
 * rather than its own; against: each box naming its own.
 */
export function boxesAfterBodies(openers: readonly Opener[], bodies: readonly (readonly Line[])[], vocab: Vocabulary): boolean {
  if (openers.length < 2 || openers[0]!.label) return false;
  let after = bodies.filter((b) => trailingBoxAt(b, vocab) >= 0).length;
  let before = 0;
  openers.forEach((o, k) => {
    if (!o.label || k === 0) return;
    const text = compact(o.commentary.map((l) => l.text).join(''));
    const own = compact(openerOrganization(o));
    const above = compact(openerOrganization(openers[k - 1]!));
    const namesOwn = own.length > 0 && text.includes(own);
    const namesAbove = above.length > 0 && text.includes(above);
    if (namesAbove && !namesOwn) after++;
    if (namesOwn && !namesAbove) before++;
  });
  return after > before;
}

/** Detaches the boxes found before titles from their openers: they belong to the cases above them. */
export function detachBoxes(openers: readonly Opener[], lines: readonly Line[]): void {
  for (const o of openers) {
    if (!o.label) continue;
    o.start = lines.indexOf(o.numberLine ?? o.titleLines[0]!, o.start);
    o.label = null;
    o.commentary = [];
    o.signature = null;
  }
}

/** A line that only gives a case's number: 案例 2, 案例二, 第2例, or a bare number. */
export function caseNumberLine(line: Line): boolean {
  return /^(?:案例\s*[0-9一二三四五六七八九十百零〇]{1,5}|第\s*[0-9一二三四五六七八九十百]{1,5}\s*[例篇]|[0-9]{1,3})$/.test(
    line.text.trim(),
  );
}

const HAN_DIGITS = '零一二三四五六七八九';

/** The number a case-number line gives (`caseNumberLine`): 案例 12, 案例十二, 第2例, 2; null when none. */
export function caseNumberOf(line: Line): number | null {
  if (!caseNumberLine(line)) return null;
  const arabic = /[0-9]+/.exec(line.text);
  if (arabic) return Number(arabic[0]);
  const m = /([一二三四五六七八九十零〇]+)/.exec(line.text);
  if (!m) return null;
  // Up to 99 the usual way: 十二, 二十, 二十三; else digit by digit (一〇二).
  const h = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(m[1]!);
  if (h) return (h[1] ? HAN_DIGITS.indexOf(h[1]) : 1) * 10 + (h[2] ? HAN_DIGITS.indexOf(h[2]) : 0);
  if (m[1]!.includes('十')) return null;
  return Number(Array.from(m[1]!, (ch) => HAN_DIGITS.indexOf(ch === '〇' ? '零' : ch)).join(''));
}

/** Whether a commentary label opens the page above line `k` (not above `floor`), with no dash line between. */
export function labelAbove({ lines, vocab }: OpenerScan, k: number, floor: number): boolean {
  const page = lines[k]!.page;
  for (let i = k - 1; i >= floor && lines[i]!.page === page; i--) {
    if (isLabel(lines[i]!, vocab)) return true;
    if (isDashLine(lines[i]!.text)) return false;
  }
  return false;
}

/** Commentary box printed right after the organisation line: found, it joins the opener. */
function boxAfter({ lines, vocab }: OpenerScan, opener: Opener): void {
  if (opener.label) return;
  const first = lines[opener.bodyStart];
  if (!first || !isLabel(first, vocab)) return;
  let k = opener.bodyStart + 1;
  const box: Line[] = [];
  while (k < lines.length && box.length < MAX_BOX_LINES && !isDashLine(lines[k]!.text) && !isLabel(lines[k]!, vocab)) {
    box.push(lines[k]!);
    k++;
  }
  const sig = lines[k];
  if (sig && isDashLine(sig.text) && box.length > 0) {
    opener.label = first;
    opener.commentary = box;
    opener.signature = sig;
    opener.bodyStart = k + 1;
    return;
  }
  // No signature: the box holds one paragraph, up to the first line that ends a sentence.
  const end = box.findIndex((l) => endsSentence(l.text));
  if (end >= 0) {
    opener.label = first;
    opener.commentary = box.slice(0, end + 1);
    opener.bodyStart = opener.bodyStart + 1 + end + 1;
  }
}
