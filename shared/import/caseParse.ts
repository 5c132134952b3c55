import type { Block, CaseDoc } from '../model/caseDoc.ts';
import type { ImportedSection } from '../model/importResult.ts';
import type { z } from 'zod';
import { pageSpan, type Line } from './lines.ts';
import { bareName, nameLine, nameOf, openerOrganization, trailingBoxAt, type Opener } from './openers.ts';
import { isSignatureLike } from './geometry.ts';
import { isVocab, type Vocabulary } from './vocabulary.ts';
import { buildUnits, type Unit } from './paragraphs.ts';
import { CLOSING_MARKS, closeParagraph, fixTitle, makeBlock, RUN_ON_MARKS, type TextContext } from './blocks.ts';
import { dashRest, isDashLine } from './structure.ts';
import { recordDropped } from './conservation.ts';
import { parseFolio, repeatKey } from './runningLines.ts';
import { compact, endsSentence, lastChar, lineWidth } from '../text/cjk.ts';
import { ocrNumber } from '../text/ocr.ts';
import { similarity } from '../text/similarity.ts';
import { FUZZY_TITLE, matchKey } from './tocMatch.ts';

/** A case read from its lines: the pieces of ImportedCase that come from the text itself. */
export interface ParsedCase {
  title: string;
  organization: string;
  commentary: { paragraphs: string[]; signature: string | null } | null;
  sections: z.infer<typeof ImportedSection>[];
  doc: CaseDoc;
  pageStart: number;
  pageEnd: number;
  /** The label of a box printed after the body (see `trailingBox`): structure, not text. */
  boxLabel?: Line;
  /**
   * Where the title's lines broke after a closing mark (”」）…), as counts of the title's non-space
   * characters before the break: a phrase gap or a run-on, which other readings of the title decide
   * (rule 'title-gaps', reconcile.ts).
   */
  titleBreaks?: number[];
  /** One of the title's printed lines (not its last) ended with a comma: see `fixTitle`. */
  titleCommaAtBreak?: boolean;
  /** How the title's lines (not its last) end: plainly (a phrase gap) or with ：，、；(a run-on). */
  titleLineEnds?: { gaps: number; runOns: number };
}

export interface CaseWidths {
  body: number;
  commentary: number;
}

/** Whether a line opens a picture caption. */
export function captionTest(vocab: Vocabulary): (text: string) => boolean {
  return (t) => vocab.captionPrefixes.some((p) => t.startsWith(p)) || /^图\s*\d+[\s:：.．]/.test(t);
}

export interface CaseFooterOptions {
  /** The case's title keys (its title without spaces): a footer naming the case is one of them. */
  titleKeys: ReadonlySet<string>;
  /** Hears of each footer removed: its page, its page number (null if none) and its running title. */
  onFolio: (page: number, n: number | null, label: string) => void;
}

/**
 * Footers that name the case (its title, maybe with the page number) left at a page edge inside
 * the body: removed, and their page number handed to `onFolio`.
 */
export function removeCaseFooters(body: Line[], { titleKeys, onFolio }: CaseFooterOptions, ctx: TextContext): Line[] {
  if (!ctx.log.on('remove-case-footer') || titleKeys.size === 0) return body;
  // OCR misreads a footer's title differently from the title itself ('ocr-folio'): compared by likeness.
  const fuzzy = ctx.ocr === true && ctx.log.on('ocr-folio');
  const matchKeys = [...titleKeys].map(matchKey);
  return body.filter((line, i) => {
    const prev = body[i - 1];
    const next = body[i + 1];
    const atEdge = !prev || prev.page !== line.page || !next || next.page !== line.page;
    if (!atEdge || lineWidth(line.text) > 40) return true;
    if (titleKeys.has(repeatKey(line.text))) {
      const folio = parseFolio(line.text, { ocr: fuzzy }) ?? titledFolio(line.text);
      onFolio(line.page, folio && folio.label ? folio.number : null, folio?.label ?? line.text);
    } else {
      const footer = fuzzy ? ocrFooter(line.text) : null;
      if (!footer || !matchKeys.some((k) => similarity(matchKey(footer.label), k) >= FUZZY_TITLE)) return true;
      onFolio(line.page, footer.number, footer.label);
    }
    ctx.log.record('remove-case-footer', { page: line.page, line: line.lineNo }, { before: line.text, after: '' });
    return false;
  });
}

/**
 * A footer already known to carry the case's title, with its number before or after it: read
 * here when `parseFolio` declines it (a title broken after ：，、 may hold more marks than a
 * running title is allowed to).
 */
function titledFolio(text: string): { number: number; label: string } | null {
  const m = /^(\d{1,4})\s*(\D.*)$/.exec(text.trim()) ?? /^(.*?\D)\s*(\d{1,4})$/.exec(text.trim());
  if (!m) return null;
  const [a, b] = [m[1]!, m[2]!];
  return /^\d+$/.test(a) ? { number: Number(a), label: b } : { number: Number(b), label: a };
}

/** A footer as OCR reads it: the running title, maybe a quote or stop, maybe a (misread) number. */
function ocrFooter(text: string): { label: string; number: number | null } | null {
  const m = /^(.*?[^\s”“"'’‘。.，,:：])[\s”“"'’‘。.，,:：]*([0-9OolI|\]]{1,4})?$/u.exec(text.trim());
  if (!m) return null;
  const digits = m[2] ? ocrNumber(m[2]) : null;
  return { label: m[1]!, number: digits === null ? null : Number(digits) };
}

/** A case's lines: its opener's, and its body's up to the next case. */
export interface CaseLines {
  opener: Opener;
  body: Line[];
}

/** How a case is read. */
export interface CaseReading {
  /** Full-line widths of the body text and of the commentary boxes. */
  widths: CaseWidths;
  vocab: Vocabulary;
}

/** Reads one case: opener pieces, then the body split into sections. */
export function parseCase(
  { opener: found, body: lines }: CaseLines,
  { widths, vocab }: CaseReading,
  ctx: TextContext,
): ParsedCase {
  const { opener, body } = trailingBox(found, lines, vocab);
  const blocks: Block[] = [];
  const titleBlock = makeBlock(opener.titleLines, { kind: 'title', role: 'title', phrases: true }, ctx);
  const commaAtBreak = opener.titleLines.slice(0, -1).some((l) => /[，,]\s*$/.test(l.text));
  titleBlock.text = fixTitle(titleBlock.text, { page: titleBlock.page, line: opener.titleLines[0]!.lineNo }, ctx, {
    commaAtBreak,
  });
  blocks.push(titleBlock);
  const orgBlock = organizationBlock(opener, ctx);
  blocks.push(orgBlock);
  let commentary: ParsedCase['commentary'] = null;
  // The box's blocks stand where it was printed: before the body, or after it (`trailingBox`).
  const boxBlocks: Block[] = [];
  if (opener.label) {
    const { lines: boxLines, signature: signatureLine } = boxSignature(opener, vocab);
    const units = buildUnits(boxLines, { fullWidth: widths.commentary, headings: false, isCaption: () => false });
    const paragraphs: string[] = [];
    for (const u of units) {
      const b = makeBlock(u.lines, { kind: 'commentary', role: 'running' }, ctx);
      closeParagraph(b, u.lines.length, ctx);
      boxBlocks.push(b);
      paragraphs.push(b.text);
    }
    let signature: string | null = null;
    if (signatureLine) {
      // A signature found here (not the opener's, logged by the pipeline) whose dashes OCR read as 一.
      const text = signatureLine.text;
      if (signatureLine !== opener.signature && ctx.ocr && !isDashLine(text) && nameOf(text) !== text.trim()) {
        ctx.log.record(
          'ocr-lost-dashes',
          { page: signatureLine.page, line: signatureLine.lineNo },
          { before: text, after: `———${nameOf(text)}` },
        );
      }
      const b = makeBlock([signatureLine], { kind: 'commentary-signature', role: 'running', transform: nameOf }, ctx);
      boxBlocks.push(b);
      signature = b.text;
    }
    commentary = { paragraphs, signature };
  }
  const trailing = opener !== found;
  if (!trailing) blocks.push(...boxBlocks);
  for (const b of bodyBlocks(body, { fullWidth: widths.body, vocab }, ctx)) blocks.push(b);
  if (trailing) blocks.push(...boxBlocks);
  const doc: CaseDoc = { version: 1, blocks };
  const all = [opener.label, ...opener.titleLines, opener.org, ...opener.commentary, opener.signature, ...body].filter(
    (l): l is Line => l !== null,
  );
  const { first, last } = pageSpan(all);
  const parsed: ParsedCase = {
    title: titleBlock.text,
    organization: orgBlock.text,
    commentary,
    sections: sectionsOf(doc),
    doc,
    pageStart: first,
    pageEnd: last,
  };
  if (trailing && opener.label) parsed.boxLabel = opener.label;
  if (commaAtBreak) parsed.titleCommaAtBreak = true;
  const ends = { gaps: 0, runOns: 0 };
  for (const l of opener.titleLines.slice(0, -1)) {
    const last = lastChar(l.text.trimEnd());
    if (RUN_ON_MARKS.includes(last)) ends.runOns++;
    else if (!CLOSING_MARKS.includes(last)) ends.gaps++;
  }
  if (ends.gaps + ends.runOns > 0) parsed.titleLineEnds = ends;
  const breaks = closingBreaks(opener.titleLines.map((l) => l.text));
  if (breaks.length > 0) parsed.titleBreaks = breaks;
  return parsed;
}

/** See `ParsedCase.titleBreaks`. */
export function closingBreaks(titleLines: readonly string[]): number[] {
  const out: number[] = [];
  let count = 0;
  titleLines.forEach((text, i) => {
    count += compact(text).length;
    if (i < titleLines.length - 1 && CLOSING_MARKS.includes(lastChar(text.trimEnd()))) out.push(count);
  });
  return out;
}

/**
 * A box printed after the case's body instead of before its title: a label line, then up to the
 * body's end nothing but the box's text and signature (no heading, no awards). It becomes the case's
 * commentary, as a box before the title would (the opener is copied, not changed).
 */
function trailingBox(opener: Opener, body: Line[], vocab: Vocabulary): { opener: Opener; body: Line[] } {
  if (opener.label) return { opener, body };
  const at = trailingBoxAt(body, vocab);
  if (at < 0) return { opener, body };
  return { opener: { ...opener, label: body[at]!, commentary: body.slice(at + 1), signature: null }, body: body.slice(0, at) };
}

/**
 * The box's text and its signature: the opener's (a `———name` line), else a last line that signs it —
 * set flush right where the source has geometry, else a name (ending in an organisation word, no
 * punctuation) after a paragraph's end.
 */
function boxSignature(opener: Opener, vocab: Vocabulary): { lines: Line[]; signature: Line | null } {
  const lines = opener.commentary;
  if (opener.signature || lines.length < 2) return { lines, signature: opener.signature };
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2]!;
  const signs = last.geo && before.geo ? isSignatureLike(last.geo) : nameLine(last, vocab) && endsSentence(before.text);
  return signs ? { lines: lines.slice(0, -1), signature: last } : { lines, signature: null };
}

/**
 * The organisation block: from the `———name` line, or — for a case found by its TOC title whose
 * line lost the name or was never printed — the TOC's organisation (a block without a source when
 * no line stands for it).
 */
function organizationBlock(opener: Opener, ctx: TextContext): Block {
  const name = openerOrganization(opener);
  if (opener.org) {
    const at = { page: opener.org.page, line: opener.org.lineNo };
    // OCR's 一 for dashes that 'ocr-dash-run' left (a long or odd name) is text: its dropping is logged.
    const dropDashes = (t: string): string => {
      const rest = dashRest(t);
      recordDropped(ctx.log, at, { text: t, kept: rest }, { head: 'ocr-dash-run', tail: 'ocr-dash-run' });
      // Brackets around the name are dropped (rule 'org-brackets', logged by the pipeline).
      return bareName(rest);
    };
    const transform = opener.orgFromToc !== null ? () => name : dropDashes;
    return makeBlock([opener.org], { kind: 'organization', role: 'running', transform }, ctx);
  }
  const last = opener.titleLines[opener.titleLines.length - 1]!;
  return { kind: 'organization', text: name, page: last.page, breaks: [] };
}

export interface BodyOptions {
  /** Width of a full body line, in ems. */
  fullWidth: number;
  vocab: Vocabulary;
}

/** Body lines as blocks: headings and paragraphs, then the awards section with its own heading. */
export function bodyBlocks(body: Line[], { fullWidth, vocab }: BodyOptions, ctx: TextContext): Block[] {
  const isCaption = captionTest(vocab);
  const awardsAt = body.findIndex((l) => isVocab(l.text, vocab.awardsHeadings));
  const main = awardsAt >= 0 ? body.slice(0, awardsAt) : body;
  const lostLines = ctx.ocr === true && ctx.log.on('ocr-lost-line');
  const blocks = unitsToBlocks(buildUnits(main, { fullWidth, headings: true, isCaption, lostLines }), 'body', ctx);
  if (awardsAt >= 0) {
    blocks.push(makeBlock([body[awardsAt]!], { kind: 'awards-heading', role: 'heading' }, ctx));
    const rest = body.slice(awardsAt + 1);
    for (const b of unitsToBlocks(buildUnits(rest, { fullWidth, headings: false, isCaption }), 'awards', ctx)) blocks.push(b);
  }
  return blocks;
}

function unitsToBlocks(units: Unit[], paragraphKind: 'body' | 'awards', ctx: TextContext): Block[] {
  return units.map((u) => {
    if (u.kind === 'heading') return makeBlock(u.lines, { kind: 'heading', role: 'heading' }, ctx);
    if (u.kind === 'caption') return makeBlock(u.lines, { kind: 'caption', role: 'running' }, ctx);
    const b = makeBlock(u.lines, { kind: paragraphKind, role: 'running' }, ctx);
    closeParagraph(b, u.lines.length, ctx);
    return b;
  });
}

/**
 * Sections of a case from its blocks: text before the first heading (heading null), then one
 * section per heading or awards heading. Captions and other blocks are not section text.
 */
export function sectionsOf(doc: CaseDoc): z.infer<typeof ImportedSection>[] {
  const sections: z.infer<typeof ImportedSection>[] = [];
  let cur: z.infer<typeof ImportedSection> | null = null;
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'awards-heading') {
      cur = { heading: b.text, paragraphs: [] };
      sections.push(cur);
    } else if (b.kind === 'body' || b.kind === 'awards') {
      if (!cur) {
        cur = { heading: null, paragraphs: [] };
        sections.push(cur);
      }
      cur.paragraphs.push(b.text);
    }
  }
  return sections;
}
