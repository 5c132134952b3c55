import type { Block } from '../model/caseDoc.ts';
import type { ImportedFrontMatter } from '../model/importResult.ts';
import { pageSpan, type Line } from './lines.ts';
import { isVocab, type Vocabulary } from './vocabulary.ts';
import { buildUnits, endsParagraph, estimateFullWidth } from './paragraphs.ts';
import { closeParagraph, fixTitle, makeBlock, type TextContext } from './blocks.ts';
import { isDateLine } from './structure.ts';
import { titleShaped } from './openers.ts';
import { captionTest } from './caseParse.ts';
import { endsWithPunct } from '../text/cjk.ts';

/**
 * Front matter (forewords, prefaces) and back matter (afterwords): a title, a byline, paragraphs
 * and a closing date. Blocks: title → 'title', byline → 'organization' (the attribution line under
 * a title, as a case's organisation is), paragraphs → 'body', inner headings → 'heading',
 * date → 'other'.
 */

type Kind = ImportedFrontMatter['kind'];

/** Splits front-matter lines into items: a new item starts on a page opening with a known title, or after a date. */
export function splitItems(lines: readonly Line[], vocab: Vocabulary): Line[][] {
  const items: Line[][] = [];
  let cur: Line[] = [];
  let prevPage = -1;
  let afterDate = false;
  for (const line of lines) {
    const pageStart = line.page !== prevPage;
    prevPage = line.page;
    if (cur.length > 0 && pageStart && (afterDate || kindOfTitle(line.text, vocab) !== null)) {
      items.push(cur);
      cur = [];
    }
    cur.push(line);
    afterDate = isDateLine(line.text);
  }
  if (cur.length > 0) items.push(cur);
  return items;
}

export function kindOfTitle(text: string, vocab: Vocabulary): Kind | null {
  if (isVocab(text, vocab.forewordTitles)) return 'foreword';
  if (isVocab(text, vocab.prefaceTitles)) return 'preface';
  if (isVocab(text, vocab.afterwordTitles)) return 'afterword';
  return null;
}

export interface FrontMatterOptions {
  vocab: Vocabulary;
  /** Width of a full line, in ems, for an item too short to measure its own lines. */
  fallbackWidth: number;
}

/** Reads one item. */
export function parseFrontMatter(
  lines: readonly Line[],
  { vocab, fallbackWidth }: FrontMatterOptions,
  ctx: TextContext,
): ImportedFrontMatter {
  const fullWidth = estimateFullWidth(lines, fallbackWidth);
  let rest = lines.slice();
  const blocks: Block[] = [];
  let title = '';
  let titleLine: Line | null = null;
  if (rest[0] && titleShaped(rest[0]) && rest[0].width < fullWidth - 1.5) {
    titleLine = rest.shift()!;
    const b = makeBlock([titleLine], { kind: 'title', role: 'title' }, ctx);
    b.text = fixTitle(b.text, { page: b.page, line: titleLine.lineNo }, ctx);
    blocks.push(b);
    title = b.text;
  }
  let dateLine: Line | null = null;
  const lastLine = rest[rest.length - 1];
  if (lastLine && isDateLine(lastLine.text)) {
    dateLine = lastLine;
    rest = rest.slice(0, -1);
  }
  const bylineAt = findByline(rest, { hasTitle: titleLine !== null, fullWidth }, ctx);
  let byline: string | null = null;
  if (bylineAt >= 0) {
    const line = rest[bylineAt]!;
    const b = makeBlock([line], { kind: 'organization', role: 'byline' }, ctx);
    b.text = fixTitle(b.text, { page: b.page, line: line.lineNo }, ctx);
    blocks.push(b);
    byline = b.text;
    rest = rest.filter((_, i) => i !== bylineAt);
  }
  const paragraphs: string[] = [];
  const lostLines = ctx.ocr === true && ctx.log.on('ocr-lost-line');
  for (const u of buildUnits(rest, { fullWidth, headings: true, isCaption: captionTest(vocab), lostLines })) {
    const kind = u.kind === 'heading' ? 'heading' : u.kind === 'caption' ? 'caption' : 'body';
    const b = makeBlock(u.lines, { kind, role: kind === 'heading' ? 'heading' : 'running' }, ctx);
    if (kind === 'body') closeParagraph(b, u.lines.length, ctx);
    blocks.push(b);
    if (kind !== 'caption') paragraphs.push(b.text);
  }
  let date: string | null = null;
  if (dateLine) {
    const b = makeBlock([dateLine], { kind: 'other', role: 'running' }, ctx);
    blocks.push(b);
    date = b.text;
  }
  const { first, last } = pageSpan(lines);
  const kind = kindOfTitle(title, vocab) ?? (byline !== null || date !== null ? 'foreword' : 'other');
  return {
    kind,
    title,
    byline,
    paragraphs,
    date,
    pageStart: first,
    pageEnd: last,
    doc: { version: 1, blocks },
  };
}

interface BylineOptions {
  /** The item has a title (so its byline may be the line right under it). */
  hasTitle: boolean;
  /** Width of a full line of the item, in ems. */
  fullWidth: number;
}

/**
 * The byline: a short unpunctuated line right under the title, just before the date at the end,
 * or — where extraction displaced it — at the bottom of the first page, cutting into a paragraph
 * that goes on on the next page. Returns its index in `lines`, or −1.
 */
function findByline(lines: readonly Line[], { hasTitle, fullWidth }: BylineOptions, ctx: TextContext): number {
  const shaped = (l: Line | undefined): boolean =>
    l !== undefined && l.width <= Math.min(fullWidth * 0.7, 24) && !endsWithPunct(l.text) && !isDateLine(l.text);
  if (lines.length === 0) return -1;
  const first = lines[0]!;
  if (hasTitle && shaped(first) && lines[1] !== undefined) return 0;
  const firstPage = first.page;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (line.page !== firstPage) break;
    const next = lines[i + 1]!;
    if (next.page === line.page || !shaped(line)) continue;
    const prev = lines[i - 1]!;
    // The paragraph above runs on past this line onto the next page: the line was displaced.
    if (!endsParagraph(prev, next, { isFirst: false, fullWidth }) && ctx.log.on('move-displaced-byline')) {
      ctx.log.record('move-displaced-byline', { page: line.page, line: line.lineNo }, { before: line.text, after: line.text });
      return i;
    }
  }
  const last = lines[lines.length - 1]!;
  const beforeLast = lines[lines.length - 2];
  if (shaped(last) && beforeLast && endsParagraph(beforeLast, last, { isFirst: false, fullWidth })) return lines.length - 1;
  return -1;
}
