import {
  ImportOptions,
  type ImportedCase,
  type ImportedFrontMatter,
  type ImportedTocEntry,
  type ImportResult,
} from '../model/importResult.ts';
import type { ProgressFn, RawPage } from './types.ts';
import { ChangeLog } from './changeLog.ts';
import { splitPages } from './splitPages.ts';
import { buildPageLines, type Line, type LineNormalizer, type PageLines } from './lines.ts';
import { dropOutlierFolios, inferPrinted, removeRunningLines } from './runningLines.ts';
import { isTocPage, parseToc } from './toc.ts';
import { findOpeners, findPageOpeners, findTitleOpeners, nameOf, type MissingCase, type Opener } from './openers.ts';
import { isDashLine } from './structure.ts';
import { matchKey, pairWithToc } from './tocMatch.ts';
import { noCasesWarning, pageNumberWarnings, tocWarnings } from './warnings.ts';
import { estimateFullWidth } from './paragraphs.ts';
import { parseCase, removeCaseFooters, type ParsedCase } from './caseParse.ts';
import { kindOfTitle, parseFrontMatter, splitItems } from './frontMatter.ts';
import { withDefaults, type Vocabulary } from './vocabulary.ts';
import { ocrEvidence } from './ocrEvidence.ts';
import { insertMissingEntries, reconcileWithToc } from './reconcile.ts';
import type { TextContext } from './blocks.ts';
import { compact } from '../text/cjk.ts';
import { normalizeRadicals } from '../text/radicals.ts';

export type PipelineOptions = Partial<ImportOptions> & {
  vocabulary?: Partial<Vocabulary>;
  /** Maps Kangxi/CJK radical code points to ideographs before anything else (rule 'normalize-radicals'). */
  normalizeRadicals?: LineNormalizer;
};

export interface ImportMeta {
  sourceName: string;
  encoding: string;
}

/** Imports decoded text: pages split on form feeds (or their single-space stand-ins), then `importPages`. */
export function importText(
  text: string,
  meta: ImportMeta,
  options?: PipelineOptions,
  onProgress?: ProgressFn,
): ImportResult {
  return importPages(splitPages(text), meta, options, onProgress);
}

/**
 * The import pipeline, pure: cleaned lines → running headers/footers and page numbers → table of
 * contents → case openers → front matter, cases (title, organisation, commentary, sections),
 * each case a CaseDoc of classified blocks. Every cleanup is reported in `changes`.
 */
export function importPages(
  pages: RawPage[],
  meta: ImportMeta,
  options: PipelineOptions = {},
  onProgress?: ProgressFn,
): ImportResult {
  const opts = ImportOptions.parse({
    disabledRules: options.disabledRules ?? [],
    cjkDigitSpace: options.cjkDigitSpace ?? false,
  });
  const vocab = withDefaults(options.vocabulary);
  const log = new ChangeLog(opts.disabledRules);
  // OCR text gets the rules that repair OCR's misreadings, and weigh one reading of a title against another.
  const ocr = ocrEvidence(pages).likely;
  const ctx: TextContext = { log, fmt: { cjkDigitSpace: opts.cjkDigitSpace }, ocr };
  const warnings: string[] = [];
  const progress = (phase: string, done: number, total: number): void => onProgress?.({ phase, done, total });

  progress('lines', 0, pages.length);
  const pls = buildPageLines(pages, log, {
    vocabulary: vocab,
    normalizeRadicals: options.normalizeRadicals ?? normalizeRadicals,
    ocr,
  });
  progress('lines', pages.length, pages.length);

  const tocPages = new Set(pls.filter((p) => isTocPage(p, vocab, ocr && log.on('ocr-toc-number'))).map((p) => p.index));
  const running = removeRunningLines(pls, tocPages, vocab, log, tocTitleKeys(pls, tocPages, vocab, opts, ctx), ocr);
  const folios = running.folios.slice();
  progress('running', pages.length, pages.length);

  const tocLines = pls.filter((p) => tocPages.has(p.index)).flatMap((p) => p.lines);
  const toc = tocLines.length > 0 ? parseToc(tocLines, vocab, ctx) : [];
  progress('toc', 1, 1);

  const content = pls.filter((p) => !tocPages.has(p.index)).flatMap((p) => p.lines);
  const fullWidth = estimateFullWidth(content, 30);
  const fuzzy = log.on('fuzzy-title-match');
  // Looking for titles by likeness in the text itself is for OCR, where titles are misread.
  const fuzzyFind = ocr && fuzzy;
  const lostDashes = ocr && log.on('ocr-lost-dashes');
  const found = findOpeners(content, vocab, fullWidth, lostDashes, ocr && log.on('ocr-lost-title'));
  const pageOpeners = ocr && log.on('ocr-page-opener');
  const openers = withTitleOpeners(content, found, toc, inferPrinted(folios), vocab, fullWidth, fuzzy, fuzzyFind, lostDashes, pageOpeners);
  if (openers.length === 0) warnings.push(noCasesWarning());
  for (const op of openers) {
    const t = op.titleLines[0]!;
    if (op.titleLines.length === 1 && t.text === '') {
      log.record(op.org ? 'ocr-lost-title' : 'ocr-page-opener', { page: t.page, line: t.lineNo }, '', '');
    }
    for (const l of [op.signature, op.org]) {
      if (lostDashes && l && !isDashLine(l.text)) log.record('ocr-lost-dashes', { page: l.page, line: l.lineNo }, l.text, `———${nameOf(l.text)}`);
    }
  }

  // Bodies run from an opener to the next; back matter (后记…) ends the last one.
  const firstCase = openers[0]?.start ?? content.length;
  const bodies: Line[][] = openers.map((op, k) => content.slice(op.bodyStart, openers[k + 1]?.start ?? content.length));
  const backMatter = splitBackMatter(bodies, vocab);

  const bodyLines = bodies.flat();
  const widthBody = estimateFullWidth(bodyLines, fullWidth);
  const widthCommentary = estimateFullWidth(
    openers.flatMap((o) => o.commentary),
    widthBody,
  );

  const frontItems = frontMatterItems(content.slice(0, firstCase), tocPages, vocab);
  const frontMatter: ImportedFrontMatter[] = frontItems.map((item) => parseFrontMatter(item, vocab, ctx, fullWidth));
  for (const item of backMatter) frontMatter.push(parseFrontMatter(item, vocab, ctx, fullWidth));

  const parsed: ParsedCase[] = [];
  const footersRemoved = new Map<number, number>();
  openers.forEach((op, k) => {
    const keys = new Set([compact(op.titleLines.map((l) => l.text).join(''))]);
    const body = removeCaseFooters(bodies[k]!, keys, ctx, (page, n, label) => {
      if (n !== null) folios[page] ??= n;
      running.labels[page] ??= label;
      footersRemoved.set(page, (footersRemoved.get(page) ?? 0) + 1);
    });
    parsed.push(parseCase(op, body, { body: widthBody, commentary: widthCommentary }, vocab, ctx));
    progress('cases', k + 1, openers.length);
  });
  if (log.on('footer-only-page')) {
    // A page that held nothing but its running footer (OCR lost the rest) is still the case's.
    const empty = (p: number): boolean =>
      !tocPages.has(p) && pls[p]!.lines.length === (footersRemoved.get(p) ?? 0) && (running.labels[p] != null || folios[p] != null);
    const backStart = backMatter[0]?.[0]?.page ?? pages.length;
    parsed.forEach((c, k) => {
      const limit = parsed[k + 1]?.pageStart ?? backStart;
      while (c.pageEnd + 1 < limit && empty(c.pageEnd + 1)) {
        c.pageEnd++;
        log.record('footer-only-page', { page: c.pageEnd, line: pages[c.pageEnd]!.startLine }, '', '');
      }
    });
  }

  if (ocr && log.on('ocr-folio')) {
    for (const page of dropOutlierFolios(folios)) log.record('ocr-folio', { page, line: pages[page]!.startLine }, String(running.folios[page] ?? ''), '');
  }
  const printed = inferPrinted(folios);
  const pairing = insertMissingEntries(
    parsed,
    toc,
    pairWithToc(
      parsed.map((c) => ({ title: c.title, printedStart: printed[c.pageStart] ?? null })),
      toc,
      fuzzy,
    ),
    printed,
    ctx,
  );
  reconcileWithToc(parsed, toc, pairing, { footers: running.labels, printed }, ctx, ocr, vocab);
  const cases = numberCases(parsed, toc, pairing, printed);
  warnings.push(...tocWarnings(toc, cases.length, pairing), ...pageNumberWarnings(printed));

  return {
    sourceName: meta.sourceName,
    encoding: meta.encoding,
    pages: pages.map((p, i) => ({ index: p.index, printed: printed[i] ?? null, startLine: p.startLine, raw: p.lines.join('\n') })),
    frontMatter,
    toc,
    cases,
    changes: log.toReports(),
    warnings,
  };
}

/**
 * Title keys of the TOC entries, read ahead of running-line removal (which must not take a case
 * title for a running footer) from a throwaway change log: the TOC is parsed for real later.
 */
function tocTitleKeys(
  pls: readonly PageLines[],
  tocPages: ReadonlySet<number>,
  vocab: Vocabulary,
  opts: ImportOptions,
  ctx: TextContext,
): Set<string> {
  if (tocPages.size === 0) return new Set();
  const lines = pls.filter((p) => tocPages.has(p.index)).flatMap((p) => p.lines);
  const scratch: TextContext = { log: new ChangeLog(opts.disabledRules), fmt: { cjkDigitSpace: opts.cjkDigitSpace }, ocr: ctx.ocr };
  const keys = parseToc(lines, vocab, scratch).map((e) => (e.title ? matchKey(e.title) : ''));
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
  const at = last.findIndex(
    (l, i) => (i === 0 || last[i - 1]!.page !== l.page) && kindOfTitle(l.text, vocab) === 'afterword',
  );
  if (at < 0) return [];
  bodies[bodies.length - 1] = last.slice(0, at);
  return splitItems(last.slice(at), vocab);
}

/**
 * Adds openers for TOC entries that no `———organisation` opener pairs with: their title is looked
 * for between the openers of their TOC neighbours (see findTitleOpeners).
 */
function withTitleOpeners(
  lines: readonly Line[],
  found: Opener[],
  toc: readonly ImportedTocEntry[],
  printed: readonly (number | null)[],
  vocab: Vocabulary,
  W: number,
  fuzzy: boolean,
  fuzzyFind: boolean,
  lostDashes: boolean,
  pageOpeners: boolean,
): Opener[] {
  if (toc.length === 0) return found;
  const pairing = pairWithToc(
    found.map((o) => ({ title: o.titleLines.map((l) => l.text).join(''), printedStart: printed[o.titleLines[0]!.page] ?? null })),
    toc,
    fuzzy,
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
    const e = toc[t]!;
    const own = openerOf.get(t);
    if (!own && e.title) {
      const from = prev[t]?.bodyStart ?? 0;
      const to = next?.start ?? lines.length;
      if (from < to) missing.push({ key: matchKey(e.title), organization: e.organization, from, to, page: e.page });
    }
    next = own ?? next;
  }
  missing.reverse();
  const added = findTitleOpeners(lines, missing, found, vocab, W, fuzzyFind, lostDashes);
  const all = found.slice();
  const add = (op: Opener): void => {
    if (!all.some((o) => op.start < o.bodyStart && op.bodyStart > o.start)) all.push(op);
  };
  for (const op of added.sort((a, b) => a.start - b.start)) add(op);
  if (pageOpeners) {
    // Entries whose stretch of text still holds no opener: their case opens on the TOC's page.
    const empty = missing.filter((m) => !all.some((o) => o.start >= m.from && o.start < m.to));
    for (const op of findPageOpeners(lines, empty, printed, vocab)) add(op);
  }
  return all.sort((a, b) => a.start - b.start);
}

/**
 * Case numbers: from the TOC entry with the same title (or, failing that, the same printed start
 * page), else counted on from the nearest numbered case, else by order.
 */
function numberCases(
  parsed: ParsedCase[],
  toc: ImportedTocEntry[],
  pairing: readonly number[],
  printed: (number | null)[],
): ImportedCase[] {
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
  return parsed.map((c, i) => {
    const a = printed[c.pageStart] ?? null;
    const b = printed[c.pageEnd] ?? null;
    return {
      number: filled[i]!,
      title: c.title,
      organization: c.organization,
      commentary: c.commentary,
      sections: c.sections,
      printedPages: a !== null && b !== null ? [a, b] : null,
      pageStart: c.pageStart,
      pageEnd: c.pageEnd,
      doc: c.doc,
    };
  });
}
