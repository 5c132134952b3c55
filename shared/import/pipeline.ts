import { ImportOptions, type ImportedCase, type ImportedFrontMatter, type ImportResult } from '../model/importResult.ts';
import type { ProgressFn, RawPage } from './types.ts';
import { ChangeLog } from './changeLog.ts';
import { applyConservation, Ledger } from './conservation.ts';
import { addUnassigned, unassignedFromLines } from './unassigned.ts';
import { boundPages, MAX_PAGE_CHARS, splitPages } from './splitPages.ts';
import { buildPageLines, type Line, type LineNormalizer } from './lines.ts';
import { dropOutlierFolios, inferPrinted, parseFolio, removeRunningLines, romanValue } from './runningLines.ts';
import { isTocPage, parseToc } from './toc.ts';
import { bareName, boxesAfterBodies, detachBoxes, nameOf, type OpenerScan } from './openers.ts';
import { dashRest, isDashLine } from './structure.ts';
import { alignWithToc, matchKey, type AlignedCase } from './tocMatch.ts';
import { findCandidates } from './candidates.ts';
import { noCasesWarning, noStructureWarning, pageNumberWarnings, pageSplitWarning, tocWarnings } from './warnings.ts';
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

  const tocPages = new Set<number>();
  for (const p of pageLines) if (isTocPage(p, vocab, tocPages.has(p.index - 1))) tocPages.add(p.index);
  const tocLinesOf = (): Line[] => pageLines.filter((p) => tocPages.has(p.index)).flatMap((p) => p.lines);
  // Read before the running lines go, which then must not take a case title for a running footer.
  const titleKeys = tocTitleKeys(tocLinesOf(), vocab, { ...ctx, log: new ChangeLog(opts.disabledRules) });
  const running = removeRunningLines(pageLines, log, { vocab, tocPages, titleKeys, ocr });
  const folios = running.folios.slice();
  progress('running', pages.length, pages.length);

  const tocLines = tocLinesOf();
  // TOC lines read into no entry are kept apart as unassigned text, not dropped.
  const tocUnread: Line[] = [];
  const toc = tocLines.length > 0 ? parseToc(tocLines, vocab, { ...ctx, unplaced: tocUnread }) : [];
  for (const l of tocLines) if (isVocab(l.text, vocab.tocTitles)) ledger.structural(l.page, l.text);
  progress('toc', 1, 1);

  const content = pageLines.filter((p) => !tocPages.has(p.index)).flatMap((p) => p.lines);
  const fullWidth = estimateFullWidth(content, 30);
  const fuzzy = log.on('fuzzy-title-match');
  const lostDashes = ocr && log.on('ocr-lost-dashes');
  const scan: OpenerScan = { lines: content, vocab, fullWidth, lostDashes };
  // Every place that could open a case, then the alignment with the TOC picks the cases and numbers them.
  const printedEarly = inferPrinted(folios);
  const candidates = findCandidates(scan, {
    toc,
    printed: printedEarly,
    // Looking for titles by likeness in the text itself is for OCR, where titles are misread.
    fuzzyFind: ocr && fuzzy,
    pageOpeners: ocr && log.on('ocr-page-opener'),
  });
  const aligned = alignWithToc(candidates, toc, { printed: printedEarly, fuzzy, footers: running.labels });
  const openers = aligned.map((a) => candidates[a.candidate]!.opener);
  if (openers.length === 0) warnings.push(noCasesWarning());
  // Bodies run from an opener to the next; back matter (后记…) ends the last one.
  const bodiesOf = (): Line[][] => openers.map((o, k) => content.slice(o.bodyStart, openers[k + 1]?.start ?? content.length));
  let bodies = bodiesOf();
  let backMatter = splitBackMatter(bodies, vocab);
  if (boxesAfterBodies(openers, bodies, vocab)) {
    detachBoxes(openers, content);
    bodies = bodiesOf();
    backMatter = splitBackMatter(bodies, vocab);
  }
  for (const opener of openers) {
    // The box's label becomes the commentary blocks' kind.
    if (opener.label) ledger.structural(opener.label.page, opener.label.text);
    if (opener.numberLine) ledger.structural(opener.numberLine.page, opener.numberLine.text);
    const first = opener.titleLines[0]!;
    if (opener.titleLines.length === 1 && first.text === '') {
      log.record('ocr-page-opener', { page: first.page, line: first.lineNo }, { before: '', after: '' });
      // The opener's lines too garbled to read (its title, read from the TOC and footers instead) are dropped: logged.
      const used = new Set([opener.label, ...opener.commentary, opener.signature, opener.org]);
      for (const l of content.slice(opener.start, opener.bodyStart)) {
        if (!used.has(l)) log.record('ocr-page-opener', { page: l.page, line: l.lineNo }, { before: l.text, after: '' });
      }
    }
    // An organisation set in brackets: the name without them.
    const orgText = opener.org ? dashRest(opener.org.text) : '';
    // (Nor one whose lost dashes 'ocr-lost-dashes' restores below: its record drops the brackets.)
    const restored = lostDashes && opener.org !== null && !isDashLine(opener.org.text);
    if (opener.org && !restored && bareName(orgText) !== orgText) {
      log.record(
        'org-brackets',
        { page: opener.org.page, line: opener.org.lineNo },
        { before: orgText, after: bareName(orgText) },
      );
    }
    for (const l of [opener.signature, opener.org]) {
      if (lostDashes && l && !isDashLine(l.text)) {
        log.record('ocr-lost-dashes', { page: l.page, line: l.lineNo }, { before: l.text, after: `———${nameOf(l.text)}` });
      }
    }
  }

  const firstCase = openers[0]?.start ?? content.length;

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
    };
    const body = removeCaseFooters(bodies[k]!, { titleKeys, onFolio }, ctx);
    const one = parseCase({ opener, body }, { widths, vocab }, ctx);
    if (one.boxLabel) ledger.structural(one.boxLabel.page, one.boxLabel.text);
    parsed.push(one);
    progress('cases', k + 1, openers.length);
  });
  if (ocr && log.on('ocr-folio')) {
    for (const page of dropOutlierFolios(folios)) {
      log.record('ocr-folio', { page, line: pages[page]!.startLine }, { before: String(running.folios[page] ?? ''), after: '' });
    }
  }
  // Counted back from the first folio over the cases' first pages too (where OCR dropped one-digit numbers).
  const printed = inferPrinted(folios, { from: parsed[0]?.pageStart });
  const pairing = insertMissingEntries(parsed, { toc, pairing: aligned.map((a) => a.entry), printed }, ctx);
  reconcileWithToc(parsed, { toc, pairing, printed, footers: running.labels, vocab }, ctx);
  const cases = numberCases(parsed, { toc, pairing, printed }, aligned);
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
  // Text routed to the unassigned place goes in with `addUnassigned(result, …)` (unassigned.ts) before this.
  addUnassigned(result, unassignedFromLines(tocUnread, 'toc-unread'));
  applyConservation(pages, result, { tocPages, ledger });
  return result;
}

/**
 * Title keys of the TOC entries, read from the TOC's lines ahead of running-line removal. `scratch`
 * holds a throwaway change log: the TOC is parsed for real later.
 */
function tocTitleKeys(tocLines: readonly Line[], vocab: Vocabulary, scratch: TextContext): Set<string> {
  if (tocLines.length === 0) return new Set();
  // The TOC pages' own folios (arabic or roman, still in place here) would run on into the entries around them.
  const entries = tocLines.filter((l) => romanValue(l.text.trim()) === null && parseFolio(l.text)?.label !== '');
  const keys = parseToc(entries, vocab, scratch).map((e) => (e.title ? matchKey(e.title) : ''));
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

/**
 * Case numbers come from the TOC entry each case is aligned with (or was given by
 * 'toc-entry-from-case'), never from counting: a case no entry lists (flagged for review) takes
 * the number after its predecessor's only when the TOC gives that number to no case, else none.
 * Without a TOC (or one listing none of them), the cases are numbered in order.
 */
function numberCases(
  parsed: ParsedCase[],
  { toc, pairing, printed }: TocPairing,
  aligned: readonly AlignedCase[],
): ImportedCase[] {
  // A TOC that lists none of the cases (an excerpt's) says nothing of their numbers: as without one.
  const firstListed = pairing.findIndex((t) => t >= 0);
  const listsNone = firstListed < 0;
  const listed = new Set(toc.map((e) => e.number));
  let last: number | null = null;
  const filled = pairing.map((t, i) => {
    if (t >= 0) return (last = toc[t]!.number);
    if (listsNone) return i + 1;
    // Unlisted (flagged for review): the number after the case before, if the TOC gives it to no case.
    const next = last === null ? null : last + 1;
    last = null;
    return next !== null && !listed.has(next) ? next : null;
  });
  return parsed.map((parsedCase, i) => {
    const printedStart = printed[parsedCase.pageStart] ?? null;
    const printedEnd = printed[parsedCase.pageEnd] ?? null;
    // A case 'toc-entry-from-case' gave an entry is in the TOC now. A TOC whose first entry is not
    // number 1 is an excerpt's: cases before its first listed one (all, if it lists none) are not missing from it.
    const beforeExcerpt = (listsNone || i < firstListed) && (toc[0]?.number ?? 1) > 1;
    const review = (aligned[i]?.review ?? []).filter((r) => r !== 'not-in-toc' || (pairing[i]! < 0 && !beforeExcerpt));
    return {
      number: filled[i] ?? null,
      title: parsedCase.title,
      organization: parsedCase.organization,
      commentary: parsedCase.commentary,
      sections: parsedCase.sections,
      printedPages: printedStart !== null && printedEnd !== null ? [printedStart, printedEnd] : null,
      pageStart: parsedCase.pageStart,
      pageEnd: parsedCase.pageEnd,
      doc: parsedCase.doc,
      ...(review.length > 0 ? { review } : {}),
    };
  });
}
