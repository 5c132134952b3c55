import type { ImportedTocEntry } from '../model/importResult.ts';
import type { Line, PageLines } from './lines.ts';
import { isVocab, type Vocabulary } from './vocabulary.ts';
import { dashRest, isDashLine, parseTocEntryStart, trailingPage } from './structure.ts';
import { formatLine } from './format.ts';
import { lineWidth } from '../text/cjk.ts';
import { fixTitleQuotes, type TextContext } from './blocks.ts';

/**
 * The table of contents: `NNN / title` lines (the title may run onto a second line), each followed
 * by `———organisation …… page`. Leader runs were stripped as garbage already; an entry whose
 * number and title sit on the previous (absent) page keeps its organisation and page.
 */

/** Whether a page reads as a TOC page: most of its lines are entries, organisation lines or leaders. */
export function isTocPage(p: PageLines, vocab: Vocabulary): boolean {
  let hits = 0;
  for (const l of p.lines) if (isTocLine(l, vocab)) hits++;
  const total = p.lines.length + p.garbage;
  return hits >= 2 && hits + p.garbage >= total * 0.5;
}

function isTocLine(l: Line, vocab: Vocabulary): boolean {
  if (isVocab(l.text, vocab.tocTitles)) return true;
  if (isDashLine(l.text)) return trailingPage(dashRest(l.text)) !== null;
  if (entryStart(l.text)) return true;
  return l.hadLeaders && trailingPage(l.text) !== null;
}

/** An entry's first line, excluding body lines that merely start with a number (3 个支部，…). */
function entryStart(text: string): { number: number; title: string } | null {
  const s = parseTocEntryStart(text);
  if (!s) return null;
  if (/[。；]/.test(s.title) || (s.title.match(/，/g) ?? []).length > 1) return null;
  if (/^[个名户人次条件年月日号%万元多余．.]/.test(s.title)) return null;
  return s;
}

interface Draft {
  number: number | null;
  titleLines: Line[];
  titleTexts: string[];
  organization: string | null;
  page: number | null;
}

/** Parses the TOC lines (from every TOC page, in order) into entries. */
export function parseToc(lines: readonly Line[], vocab: Vocabulary, ctx: TextContext): ImportedTocEntry[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  const close = (): void => {
    if (cur) drafts.push(cur);
    cur = null;
  };
  for (const line of lines) {
    const t = line.text;
    if (isVocab(t, vocab.tocTitles)) continue;
    const start = entryStart(t);
    if (start) {
      close();
      const tp = line.hadLeaders ? trailingPage(start.title) : null;
      cur = {
        number: start.number,
        titleLines: [line],
        titleTexts: [tp ? tp.rest : start.title],
        organization: null,
        page: tp ? tp.page : null,
      };
      continue;
    }
    if (isDashLine(t)) {
      const rest = dashRest(t);
      const tp = trailingPage(rest);
      const organization = formatLine(orgText(tp ? tp.rest : rest), 'running', where(line), ctx.log, ctx.fmt);
      const page = tp ? tp.page : null;
      if (cur && (cur as Draft).organization === null) {
        (cur as Draft).organization = organization;
        (cur as Draft).page ??= page;
        close();
      } else {
        close();
        drafts.push({ number: null, titleLines: [], titleTexts: [], organization, page });
      }
      continue;
    }
    // OCR loses the dashes: after a title, a line ending in a page number is the organisation.
    const endsInPage = trailingPage(t);
    if (endsInPage && (!cur || (cur as Draft).organization === null)) {
      const organization = formatLine(orgText(endsInPage.rest), 'running', where(line), ctx.log, ctx.fmt);
      if (cur) {
        (cur as Draft).organization = organization;
        (cur as Draft).page ??= endsInPage.page;
        close();
      } else drafts.push({ number: null, titleLines: [], titleTexts: [], organization, page: endsInPage.page });
      continue;
    }
    const tp = line.hadLeaders ? trailingPage(t) : null;
    if (cur && (cur as Draft).page === null) {
      (cur as Draft).titleLines.push(line);
      (cur as Draft).titleTexts.push(tp ? tp.rest : t);
      if (tp) (cur as Draft).page = tp.page;
      continue;
    }
    if (tp) {
      close();
      drafts.push({ number: null, titleLines: [line], titleTexts: [tp.rest], organization: null, page: tp.page });
    }
  }
  close();
  // The TOC's measure: its widest line, counting the leaders that fill organisation lines.
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, l.width, l.hadLeaders ? lineWidth(l.raw) : 0);
  const entries = drafts.map((d) => ({
    number: d.number,
    title: d.titleLines.length > 0 ? joinTitle(d, widest, ctx) : null,
    organization: d.organization,
    page: d.page,
  }));
  inferNumbers(entries);
  return entries;
}

/**
 * An organisation as the TOC prints it, without what OCR makes of dashes and leaders: a leading
 * run of dash-like marks (一 - — with spaces between) and trailing marks that are not text.
 */
function orgText(s: string): string {
  return s
    .replace(/^(?:[一—―─－\-~]\s*){2,}|^[—―─－\-~]+\s*|^一\s+/, '')
    .replace(/[^\p{Script=Han}A-Za-z0-9）)”》\]]+$/u, '')
    // OCR's reading of a leader run: a few Latin letters spaced off the name (党总支 ee).
    .replace(/(?<=\p{Script=Han})\s+[A-Za-z]{1,3}$/u, '')
    .trim();
}

function where(line: Line): { page: number; line: number } {
  return { page: line.page, line: line.lineNo };
}

/**
 * A title printed on two lines: when the first line stops well short of the TOC's measure,
 * the break was the typesetter's phrase break and the phrases keep one space between them;
 * otherwise the line just wrapped.
 */
function joinTitle(d: Draft, widest: number, ctx: TextContext): string {
  let out = '';
  d.titleLines.forEach((line, i) => {
    const text = formatLine(d.titleTexts[i]!, 'title', where(line), ctx.log, ctx.fmt);
    if (i === 0) out = text;
    else out += (d.titleLines[i - 1]!.width < widest - 3 ? ' ' : '') + text;
  });
  return fixTitleQuotes(out, where(d.titleLines[0]!), ctx);
}

/** Entries without a number (the first one, whose number is on an absent page) from their neighbours. */
function inferNumbers(entries: ImportedTocEntry[]): void {
  for (let i = entries.length - 1; i >= 0; i--) {
    const next = entries[i + 1];
    if (entries[i]!.number === null && next && next.number !== null) entries[i]!.number = next.number - 1;
  }
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1]!;
    if (entries[i]!.number === null && prev.number !== null) entries[i]!.number = prev.number + 1;
  }
}
