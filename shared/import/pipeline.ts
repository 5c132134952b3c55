import {
  ImportOptions,
  type ImportedCase,
  type ImportedFrontMatter,
  type ImportedTocEntry,
  type ImportResult,
} from '../model/importResult.ts';
import type { ProgressFn, RawPage } from './types.ts';
import { ChangeLog } from './changeLog.ts';
import { checkConservation, Ledger } from './conservation.ts';
import { boundPages, MAX_PAGE_CHARS, splitPages } from './splitPages.ts';
import { buildPageLines, type Line, type LineNormalizer } from './lines.ts';
import { dropOutlierFolios, inferPrinted, removeRunningLines } from './runningLines.ts';
import { isTocPage, parseToc } from './toc.ts';
import {
  findOpeners,
  findPageOpeners,
  findTitleOpeners,
  nameOf,
  type MissingCase,
  type Opener,
  type OpenerScan,
} from './openers.ts';
import { isDashLine } from './structure.ts';
import { matchKey, pairWithToc } from './tocMatch.ts';
import {
  conservationWarning,
  noCasesWarning,
  noStructureWarning,
  pageNumberWarnings,
  pageSplitWarning,
  tocWarnings,
} from './warnings.ts';
import { estimateFullWidth } from './paragraphs.ts';
import { parseCase, removeCaseFooters, type ParsedCase } from './caseParse.ts';
import { kindOfTitle, parseFrontMatter, splitItems } from './frontMatter.ts';
import { isVocab, withDefaults, type Vocabulary } from './vocabulary.ts';
import { ocrEvidence } from './ocrEvidence.ts';
import { insertMissingEntries, reconcileWithToc, type TocPairing } from './reconcile.ts';
import type { TextContext } from './blocks.ts';
import { compact } from '../text/cjk.ts';
import { normalizeRadicals } from '../text/radicals.ts';

export type PipelineOptions = Partial<ImportOptions> & {
  vocabulary?: Partial<Vocabulary>;
  /** Maps Kangxi/CJK radical code points to ideographs before anything else (rule 'normalize-radicals'). */
  normalizeRadicals?: LineNormalizer;
  /** Hears how far each phase of a long import has got. */
  onProgress?: ProgressFn;
};

export interface ImportMeta {
  sourceName: string;
  encoding: string;
}

/** Imports decoded text: pages split on form feeds (or their single-space stand-ins), then `importPages`. */
export function importText(text: string, meta: ImportMeta, options?: PipelineOptions): ImportResult {
  return importPages(splitPages(text), meta, options);
}

/**
 * The import pipeline, pure: cleaned lines → running headers/footers and page numbers → table of
 * contents → case openers → front matter, cases (title, organisation, commentary, sections),
 * each case a CaseDoc of classified blocks. Every cleanup is reported in `changes`.
 */
export function importPages(input: RawPage[], meta: ImportMeta, options: PipelineOptions = {}): ImportResult {
  // Over-long pages (a text without page breaks) are cut first, so that no later stage sees one huge page.
  const { pages, split } = boundPages(input);
  const opts = ImportOptions.parse({
    disabledRules: options.disabledRules ?? [],
    cjkDigitSpace: options.cjkDigitSpace ?? false,
  });
  const vocab = withDefaults(options.vocabulary);
  // The ledger hears every edit (the log keeps a few hundred sites per rule) for the conservation check.
  const ledger = new Ledger();
  const log = new ChangeLog(opts.disabledRules, ledger.hear);
  // OCR text gets the rules that repair OCR's misreadings, and weigh one reading of a title against another.
  const ocr = ocrEvidence(pages).likely;
  const ctx: TextContext = { log, fmt: { cjkDigitSpace: opts.cjkDigitSpace }, ocr };
  const warnings: string[] = split > 0 ? [pageSplitWarning(split, pages.length - input.length + split, MAX_PAGE_CHARS)] : [];
  const progress = (phase: string, done: number, total: number): void => options.onProgress?.({ phase, done, total });

  progress('lines', 0, pages.length);
  const pageLines = buildPageLines(pages, log, {
    vocabulary: vocab,
    normalizeRadicals: options.normalizeRadicals ?? normalizeRadicals,
    ocr,
  });
  progress('lines', pages.length, pages.length);

  const tocReading = { ocr: ocr && log.on('ocr-toc-number') };
  const tocPages = new Set(pageLines.filter((p) => isTocPage(p, vocab, tocReading)).map((p) => p.index));
  const tocLinesOf = (): Line[] => pageLines.filter((p) => tocPages.has(p.index)).flatMap((p) => p.lines);
  // Read before the running lines go, which then must not take a case title for a running footer.
  const titleKeys = tocTitleKeys(tocLinesOf(), vocab, { ...ctx, log: new ChangeLog(opts.disabledRules) });
  const running = removeRunningLines(pageLines, log, { vocab, tocPages, titleKeys, ocr });
  const folios = running.folios.slice();
  progress('running', pages.length, pages.length);

  const tocLines = tocLinesOf();
  const toc = tocLines.length > 0 ? parseToc(tocLines, vocab, ctx) : [];
  for (const l of tocLines) if (isVocab(l.text, vocab.tocTitles)) ledger.structural(l.page, l.text);
  progress('toc', 1, 1);

  const content = pageLines.filter((p) => !tocPages.has(p.index)).flatMap((p) => p.lines);
  const fullWidth = estimateFullWidth(content, 30);
  const fuzzy = log.on('fuzzy-title-match');
  const lostDashes = ocr && log.on('ocr-lost-dashes');
  const scan: OpenerScan = { lines: content, vocab, fullWidth, lostDashes };
  const tocTitles = new Set(toc.map((e) => (e.title ? matchKey(e.title) : '')).filter((k) => k.length > 0));
  const found = findOpeners(scan, { lostTitle: ocr && log.on('ocr-lost-title'), tocTitles });
  const openers = withTitleOpeners(scan, found, {
    toc,
    printed: inferPrinted(folios),
    fuzzyPairing: fuzzy,
    // Looking for titles by likeness in the text itself is for OCR, where titles are misread.
    fuzzyFind: ocr && fuzzy,
    pageOpeners: ocr && log.on('ocr-page-opener'),
  });
  if (openers.length === 0) warnings.push(noCasesWarning());
  for (const opener of openers) {
    // The box's label becomes the commentary blocks' kind.
    if (opener.label) ledger.structural(opener.label.page, opener.label.text);
    const first = opener.titleLines[0]!;
    if (opener.titleLines.length === 1 && first.text === '') {
      log.record(
        opener.org ? 'ocr-lost-title' : 'ocr-page-opener',
        { page: first.page, line: first.lineNo },
        { before: '', after: '' },
      );
    }
    for (const l of [opener.signature, opener.org]) {
      if (lostDashes && l && !isDashLine(l.text)) {
        log.record('ocr-lost-dashes', { page: l.page, line: l.lineNo }, { before: l.text, after: `———${nameOf(l.text)}` });
      }
    }
  }

  // Bodies run from an opener to the next; back matter (后记…) ends the last one.
  const firstCase = openers[0]?.start ?? content.length;
  const bodies: Line[][] = openers.map((o, k) => content.slice(o.bodyStart, openers[k + 1]?.start ?? content.length));
  const backMatter = splitBackMatter(bodies, vocab);

  const bodyLines = bodies.flat();
  const widthBody = estimateFullWidth(bodyLines, fullWidth);
  const widthCommentary = estimateFullWidth(
    openers.flatMap((o) => o.commentary),
    widthBody,
  );

  const frontItems = frontMatterItems(content.slice(0, firstCase), tocPages, vocab);
  const frontMatter: ImportedFrontMatter[] = frontItems.map((item) =>
    parseFrontMatter(item, { vocab, fallbackWidth: fullWidth }, ctx),
  );
  for (const item of backMatter) frontMatter.push(parseFrontMatter(item, { vocab, fallbackWidth: fullWidth }, ctx));
  // No page break, no TOC, no case, not even a foreword's title: nothing laid out like a volume.
  if (input.length <= 1 && toc.length === 0 && openers.length === 0 && frontMatter.every((f) => f.kind === 'other')) {
    warnings.push(noStructureWarning(pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.length, 0), 0)));
  }

  const parsed: ParsedCase[] = [];
  const footersRemoved = new Map<number, number>();
  const widths = { body: widthBody, commentary: widthCommentary };
  openers.forEach((opener, k) => {
    // A running head naming the next case may stand above its title, at the end of this body.
    const next = openers[k + 1];
    const titleKeys = new Set(
      [opener, next].filter((o) => o !== undefined).map((o) => compact(o.titleLines.map((l) => l.text).join(''))),
    );
    titleKeys.delete('');
    const onFolio = (page: number, n: number | null, label: string): void => {
      if (n !== null) folios[page] ??= n;
      running.labels[page] ??= label;
      footersRemoved.set(page, (footersRemoved.get(page) ?? 0) + 1);
    };
    const body = removeCaseFooters(bodies[k]!, { titleKeys, onFolio }, ctx);
    parsed.push(parseCase({ opener, body }, { widths, vocab }, ctx));
    progress('cases', k + 1, openers.length);
  });
  if (log.on('footer-only-page')) {
    // A page that held nothing but its running footer (OCR lost the rest) is still the case's.
    const empty = (p: number): boolean =>
      !tocPages.has(p) &&
      pageLines[p]!.lines.length === (footersRemoved.get(p) ?? 0) &&
      (running.labels[p] != null || folios[p] != null);
    const backStart = backMatter[0]?.[0]?.page ?? pages.length;
    parsed.forEach((c, k) => {
      const limit = parsed[k + 1]?.pageStart ?? backStart;
      while (c.pageEnd + 1 < limit && empty(c.pageEnd + 1)) {
        c.pageEnd++;
        log.record('footer-only-page', { page: c.pageEnd, line: pages[c.pageEnd]!.startLine }, { before: '', after: '' });
      }
    });
  }

  if (ocr && log.on('ocr-folio')) {
    for (const page of dropOutlierFolios(folios)) {
      log.record('ocr-folio', { page, line: pages[page]!.startLine }, { before: String(running.folios[page] ?? ''), after: '' });
    }
  }
  const printed = inferPrinted(folios);
  const caseKeys = parsed.map((c) => ({ title: c.title, printedStart: printed[c.pageStart] ?? null }));
  const pairing = insertMissingEntries(parsed, { toc, pairing: pairWithToc(caseKeys, toc, { fuzzy }), printed }, ctx);
  reconcileWithToc(parsed, { toc, pairing, printed, footers: running.labels, vocab }, ctx);
  const cases = numberCases(parsed, { toc, pairing, printed });
  warnings.push(...tocWarnings(toc, cases.length, pairing), ...pageNumberWarnings(printed));

  const result: ImportResult = {
    sourceName: meta.sourceName,
    encoding: meta.encoding,
    pages: pages.map((p, i) => ({
      index: p.index,
      printed: printed[i] ?? null,
      startLine: p.startLine,
      raw: p.lines.join('\n'),
    })),
    frontMatter,
    toc,
    cases,
    changes: log.toReports(),
    warnings,
  };
  const conservation = checkConservation(pages, result, { tocPages, ledger });
  if (!conservation.holds) warnings.push(conservationWarning(conservation));
  return result;
}

/**
 * Title keys of the TOC entries, read from the TOC's lines ahead of running-line removal. `scratch`
 * holds a throwaway change log: the TOC is parsed for real later.
 */
function tocTitleKeys(tocLines: readonly Line[], vocab: Vocabulary, scratch: TextContext): Set<string> {
  if (tocLines.length === 0) return new Set();
  const keys = parseToc(tocLines, vocab, scratch).map((e) => (e.title ? matchKey(e.title) : ''));
  return new Set(keys.filter((k) => k.length >= 2));
}

/** Front-matter lines split at the TOC (what comes before it and after it are separate items). */
function frontMatterItems(lines: Line[], tocPages: ReadonlySet<number>, vocab: Vocabulary): Line[][] {
  const groups: Line[][] = [];
  let cur: Line[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    if (prev && [...tocPages].some((t) => t > prev!.page && t < l.page)) {
      groups.push(cur);
      cur = [];
    }
    cur.push(l);
    prev = l;
  }
  if (cur.length > 0) groups.push(cur);
  return groups.filter((g) => g.length > 0).flatMap((g) => splitItems(g, vocab));
}

/** Cuts back matter off the last case body: from a page that opens with an afterword title. */
function splitBackMatter(bodies: Line[][], vocab: Vocabulary): Line[][] {
  const last = bodies[bodies.length - 1];
  if (!last) return [];
  const at = last.findIndex((l, i) => (i === 0 || last[i - 1]!.page !== l.page) && kindOfTitle(l.text, vocab) === 'afterword');
  if (at < 0) return [];
  bodies[bodies.length - 1] = last.slice(0, at);
  return splitItems(last.slice(at), vocab);
}

interface TitleOpenerSearch {
  toc: readonly ImportedTocEntry[];
  /** Printed page number of each page (null where unknown). */
  printed: readonly (number | null)[];
  /** Rule 'fuzzy-title-match' in pairing the openers found with the TOC's entries (see `pairWithToc`). */
  fuzzyPairing: boolean;
  /** Rule 'fuzzy-title-match' in looking for a missing entry's title in the text (see `findTitleOpeners`). */
  fuzzyFind: boolean;
  /** Rule 'ocr-page-opener' (see `findPageOpeners`). */
  pageOpeners: boolean;
}

/**
 * Adds openers for TOC entries that no `———organisation` opener pairs with: their title is looked
 * for between the openers of their TOC neighbours (see findTitleOpeners).
 */
function withTitleOpeners(scan: OpenerScan, found: Opener[], search: TitleOpenerSearch): Opener[] {
  const { lines } = scan;
  const { toc, printed } = search;
  if (toc.length === 0) return found;
  const pairing = pairWithToc(
    found.map((o) => ({ title: o.titleLines.map((l) => l.text).join(''), printedStart: printed[o.titleLines[0]!.page] ?? null })),
    toc,
    { fuzzy: search.fuzzyPairing },
  );
  const openerOf = new Map<number, Opener>();
  pairing.forEach((t, k) => {
    if (t >= 0) openerOf.set(t, found[k]!);
  });
  // Nearest paired entry before and after each entry.
  const prev: (Opener | undefined)[] = [];
  for (let t = 0, last: Opener | undefined; t < toc.length; t++) {
    prev.push(last);
    last = openerOf.get(t) ?? last;
  }
  const missing: MissingCase[] = [];
  let next: Opener | undefined;
  for (let t = toc.length - 1; t >= 0; t--) {
    const entry = toc[t]!;
    const own = openerOf.get(t);
    if (!own && entry.title) {
      const from = prev[t]?.bodyStart ?? 0;
      const to = next?.start ?? lines.length;
      if (from < to) missing.push({ key: matchKey(entry.title), organization: entry.organization, from, to, page: entry.page });
    }
    next = own ?? next;
  }
  missing.reverse();
  const added = findTitleOpeners(scan, missing, { found, fuzzy: search.fuzzyFind });
  const all = found.slice();
  const add = (opener: Opener): void => {
    if (!all.some((o) => opener.start < o.bodyStart && opener.bodyStart > o.start)) all.push(opener);
  };
  for (const opener of added.sort((a, b) => a.start - b.start)) add(opener);
  if (search.pageOpeners) {
    // Entries whose stretch of text still holds no opener: their case opens on the TOC's page.
    const empty = missing.filter((m) => !all.some((o) => o.start >= m.from && o.start < m.to));
    for (const opener of findPageOpeners(scan, empty, printed)) add(opener);
  }
  return all.sort((a, b) => a.start - b.start);
}

/**
 * Case numbers: from the TOC entry with the same title (or, failing that, the same printed start
 * page), else counted on from the nearest numbered case, else by order.
 */
function numberCases(parsed: ParsedCase[], { toc, pairing, printed }: TocPairing): ImportedCase[] {
  const numbers = pairing.map((t) => (t >= 0 ? toc[t]!.number : null));
  // Nearest numbered case after each position, for cases before the first numbered one.
  const nextKnown: number[] = new Array(numbers.length).fill(-1);
  for (let i = numbers.length - 1, k = -1; i >= 0; i--) {
    if (numbers[i] !== null) k = i;
    nextKnown[i] = k;
  }
  let before = -1;
  const filled = numbers.map((n, i) => {
    if (n !== null) {
      before = i;
      return n;
    }
    if (before >= 0) return numbers[before]! + (i - before);
    const after = nextKnown[i]!;
    if (after >= 0) return Math.max(1, numbers[after]! - (after - i));
    return i + 1;
  });
  return parsed.map((parsedCase, i) => {
    const printedStart = printed[parsedCase.pageStart] ?? null;
    const printedEnd = printed[parsedCase.pageEnd] ?? null;
    return {
      number: filled[i]!,
      title: parsedCase.title,
      organization: parsedCase.organization,
      commentary: parsedCase.commentary,
      sections: parsedCase.sections,
      printedPages: printedStart !== null && printedEnd !== null ? [printedStart, printedEnd] : null,
      pageStart: parsedCase.pageStart,
      pageEnd: parsedCase.pageEnd,
      doc: parsedCase.doc,
    };
  });
}
