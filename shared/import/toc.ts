import type { ImportedTocEntry } from '../model/importResult.ts';
import type { Line, PageLines } from './lines.ts';
import { endsWithOrganizationWord, isVocab, type Vocabulary } from './vocabulary.ts';
import { dashRest, isDashLine, parseTocEntryStart, trailingPage } from './structure.ts';
import { formatLine } from './format.ts';
import { lineWidth } from '../text/cjk.ts';
import { fixTitle, type TextContext } from './blocks.ts';
import { ocrNumber } from '../text/ocr.ts';

/**
 * The table of contents: `NNN / title` lines (the title may run onto a second line), each followed
 * by `———organisation …… page`. Leader runs were stripped as garbage already; an entry whose
 * number and title sit on the previous (absent) page keeps its organisation and page.
 */

/** Whether a page reads as a TOC page: most of its lines are entries, organisation lines or leaders. */
export function isTocPage(p: PageLines, vocab: Vocabulary, ocr = false): boolean {
  let hits = 0;
  for (const l of p.lines) if (isTocLine(l, vocab, ocr)) hits++;
  const total = p.lines.length + p.garbage;
  return hits >= 2 && hits + p.garbage >= total * 0.5;
}

function isTocLine(l: Line, vocab: Vocabulary, ocr: boolean): boolean {
  if (isVocab(l.text, vocab.tocTitles)) return true;
  if (isDashLine(l.text)) return trailingPage(dashRest(l.text)) !== null;
  if (entryStart(l.text, ocr)) return true;
  return l.hadLeaders && trailingPage(l.text) !== null;
}

/**
 * An entry's first line, excluding body lines that merely start with a number (3 个支部，…).
 * With `ocr` (rule 'ocr-toc-number'), OCR's misreadings of the number (OO1, 00l) and of the `/`
 * after it (`002 /1 标题`, `002 1 标题`) are read through; `sink` hears of each repair.
 */
function entryStart(text: string, ocr = false, sink?: (before: string, after: string) => void): { number: number; title: string } | null {
  let s = parseTocEntryStart(text);
  if (ocr) {
    const repaired = ocrEntryStart(text, s);
    if (repaired) {
      sink?.(text, `${String(repaired.number).padStart(3, '0')} / ${repaired.title}`);
      s = repaired;
    }
  }
  if (!s) return null;
  if (/[。；]/.test(s.title) || (s.title.match(/，/g) ?? []).length > 1) return null;
  if (/^[个名户人次条件年月日号%万元多余．.]/.test(s.title)) return null;
  return s;
}

// A `/` read as 1, l, I or | between the number and the title, spaced off the title.
const RE_MISREAD_SLASH = /^[1lI|](?:\s+|(?=[“《（]))(?=[\p{Script=Han}“《（])/u;

function ocrEntryStart(
  text: string,
  plain: { number: number; title: string } | null,
): { number: number; title: string } | null {
  let s = plain;
  if (!s) {
    const m = /^([0-9OolI|\]]{1,3})(?=[\s/／])(.*)$/u.exec(text.trim());
    const n = m ? ocrNumber(m[1]!) : null;
    if (!m || n === null) return null;
    s = parseTocEntryStart(n + m[2]!);
    if (!s) return null;
  }
  const title = s.title.replace(RE_MISREAD_SLASH, '');
  if (s === plain && title === s.title) return null;
  return { number: s.number, title };
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
  const ocr = ctx.ocr === true && ctx.log.on('ocr-toc-number');
  const ocrOrg = ctx.ocr === true && ctx.log.on('ocr-toc-org');
  // The organisation from the text after the dashes (and before the page), without OCR's leader junk.
  const orgOf = (text: string, line: Line): string => {
    let name = orgText(text);
    if (ocrOrg) {
      let trimmed = trimLeaderJunk(name, vocab);
      // What OCR left of the dashes: a lone 一 or dash before the name.
      if (/^[一—-]\s*\p{Script=Han}/u.test(trimmed) && endsWithOrganizationWord(trimmed, vocab)) trimmed = trimmed.replace(/^[一—-]\s*/, '');
      if (trimmed !== name) ctx.log.record('ocr-toc-org', where(line), name, trimmed);
      name = trimmed;
    }
    return formatLine(name, 'running', where(line), ctx.log, ctx.fmt);
  };
  // No book starts a case on page 0: OCR made that number of leader junk.
  const pageOf = (tp: { page: number } | null, line: Line): number | null => {
    if (!tp) return null;
    if (ocrOrg && tp.page < 1) {
      ctx.log.record('ocr-toc-org', where(line), line.text, line.text.replace(/\s*\d+$/, ''));
      return null;
    }
    return tp.page;
  };
  for (const line of lines) {
    const t = line.text;
    if (isVocab(t, vocab.tocTitles)) continue;
    const start = entryStart(t, ocr, (before, after) => ctx.log.record('ocr-toc-number', where(line), before, after));
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
      const organization = orgOf(tp ? tp.rest : rest, line);
      const page = pageOf(tp, line);
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
      const organization = orgOf(endsInPage.rest, line);
      const page = pageOf(endsInPage, line);
      if (cur) {
        (cur as Draft).organization = organization;
        (cur as Draft).page ??= page;
        close();
      } else drafts.push({ number: null, titleLines: [], titleTexts: [], organization, page });
      continue;
    }
    // OCR lost the dashes and the page number: a line under a title that names an organisation.
    if (ocrOrg && cur && (cur as Draft).organization === null && endsWithOrganizationWord(trimLeaderJunk(t, vocab), vocab)) {
      (cur as Draft).organization = orgOf(t, line);
      ctx.log.record('ocr-toc-org', where(line), t, `———${(cur as Draft).organization}`);
      close();
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

/**
 * OCR reads a TOC line's dot leaders as junk after the name, spaced off it: letters (cate fsin
 * te), ideographs (全审计 全全生生), a digit or two. The name ends at the first space after which
 * its words end with an organisation word; failing that, short or non-Han tokens go from the end.
 */
export function trimLeaderJunk(s: string, vocab: Vocabulary): string {
  const toks = s.trim().split(/\s+/).filter((x) => x.length > 0);
  if (toks.length < 2) return s.trim();
  for (let k = 1; k < toks.length; k++) {
    const head = toks.slice(0, k).join(' ');
    if (endsWithOrganizationWord(head, vocab)) return head;
  }
  const junky = (tok: string): boolean => Array.from(tok).length <= 2 || /[^\p{Script=Han}（）()]/u.test(tok);
  while (toks.length > 1 && junky(toks[toks.length - 1]!)) toks.pop();
  return toks.join(' ');
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
  return fixTitle(out, where(d.titleLines[0]!), ctx);
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
