import type { ImportedTocEntry } from '../model/importResult.ts';
import type { Where } from './changeLog.ts';
import type { Line, PageLines } from './lines.ts';
import { endsWithOrganizationWord, isVocab, type Vocabulary } from './vocabulary.ts';
import { dashRest, isDashLine, parseTocEntryStart, trailingPage } from './structure.ts';
import { formatLine } from './format.ts';
import { lastChar, lineWidth } from '../text/cjk.ts';
import { fixTitle, RUN_ON_MARKS, type TextContext } from './blocks.ts';
import { recordDropped } from './conservation.ts';

/**
 * The table of contents: `NNN / title` lines (the title may run onto further lines), each followed
 * by `———organisation …… page`, the organisation possibly wrapping, or with the page on the title's
 * line. Leader runs were stripped as garbage already; an entry whose number and title sit on the
 * previous (absent) page keeps its organisation and page.
 */

/**
 * Whether a page reads as a TOC page: most of its lines are entries, organisation lines or leaders.
 * A page right after a TOC page (`afterToc`) may hold a single entry, the TOC's last.
 */
export function isTocPage(page: PageLines, vocab: Vocabulary, afterToc = false): boolean {
  const { lines } = page;
  // Right after a TOC page, the TOC's last line (a title spaced off its page) counts as an entry too.
  const hit = lines.map((line) => isTocLine(line, vocab) || (afterToc && spacedPage(line.text)));
  // The line under an entry's first line that names its organisation (dashes and page lost to OCR, or never printed).
  for (let i = 0; i + 1 < lines.length; i++) {
    const under = lines[i + 1]!;
    if (
      entryStart(lines[i]!.text) &&
      !hit[i + 1] &&
      (isDashLine(under.text) || endsWithOrganizationWord(trimLeaderJunk(under.text, vocab), vocab))
    )
      hit[i + 1] = true;
  }
  // An entry's title lines (up to three, unnumbered) above its line with the page count too.
  for (let i = 0; i < lines.length; i++) {
    if (!hit[i] || !carriesPage(lines[i]!, vocab)) continue;
    for (let k = i - 1; k >= 0 && k >= i - 3 && !hit[k] && lines[k]!.width <= 40 && !/[。；]/.test(lines[k]!.text); k--)
      hit[k] = true;
  }
  const hits = hit.filter(Boolean).length;
  const total = lines.length + page.garbage;
  if (hits >= (afterToc ? 1 : 2) && hits + page.garbage >= total * 0.5) return true;
  // Headed 目录 at its top, with entries under it (their dashes, pages or numbers as OCR left them).
  const loose = lines.filter(
    (l, i) => hit[i] || isDashLine(l.text) || numberColumn(l.text) !== null || spacedPage(l.text),
  ).length;
  return loose >= 3 && loose >= lines.length * 0.3 && lines.slice(0, 3).some((l) => isVocab(l.text, vocab.tocTitles));
}

/** A short line, no sentence, spaced off a page number at its end (a TOC entry set without leaders; maybe its number right of it). */
function spacedPage(text: string): boolean {
  if (!/\d\s*$/.test(text)) return false;
  return /^[^。；]{2,40}[^\d\s]\s+\d{1,3}(?:\s+0\d{2})?$/u.test(text.trim());
}

/** A TOC line that ends with a page: a dash line with a number, or leaders and a number. */
function carriesPage(line: Line, vocab: Vocabulary): boolean {
  if (isDashLine(line.text)) return trailingPage(dashRest(line.text)) !== null;
  if (namedWithPage(line.text, vocab)) return true;
  return line.hadLeaders && trailingPage(line.text) !== null;
}

/**
 * A column of entry numbers read apart from the titles (OCR prints `001 002 003` before them):
 * two or more numbers, or one zero-padded (a page number never is). Null when the line is not one.
 */
function numberColumn(text: string): number[] | null {
  const toks = text.trim().split(/\s+/);
  if (toks.length === 0 || toks.length > 40) return null;
  if (toks.some((t) => !/^\d{1,3}$/.test(t))) return null;
  if (toks.length === 1 && !/^0\d{2}$/.test(toks[0]!)) return null;
  return toks.map(Number);
}

/** A case number printed right of the title on its line (`title 001`, zero-padded, no leaders). */
function numberRight(text: string, line: Line): { rest: string; number: number } | null {
  const m = /^(.*\S)\s+(0\d{2})$/.exec(text.trim());
  return m && !line.hadLeaders ? { rest: m[1]!, number: Number(m[2]) } : null;
}

function isTocLine(line: Line, vocab: Vocabulary): boolean {
  if (isVocab(line.text, vocab.tocTitles)) return true;
  if (isDashLine(line.text)) return trailingPage(dashRest(line.text)) !== null;
  if (entryStart(line.text)) return true;
  if (namedWithPage(line.text, vocab)) return true;
  return line.hadLeaders && trailingPage(line.text) !== null;
}

/**
 * An entry's organisation line set without dashes or leaders: the name and the page
 * (`金川3512厂八车间党支部 4`).
 */
function namedWithPage(text: string, vocab: Vocabulary): boolean {
  // (Most lines end otherwise: asked of every line of every page.)
  if (!/\d\s*$/.test(text)) return false;
  const m = /^(.*\S)\s+(\d{1,3})$/u.exec(text.trim());
  return m !== null && endsWithOrganizationWord(m[1]!, vocab);
}

/** An entry's first line, excluding body lines that merely start with a number (3 个支部，…). */
function entryStart(text: string): { number: number; title: string } | null {
  const entry = parseTocEntryStart(text);
  if (!entry) return null;
  if (/[。；]/.test(entry.title) || (entry.title.match(/，/g) ?? []).length > 1) return null;
  if (/^[个名户人次条件年月日号%万元多余．.]/.test(entry.title)) return null;
  return entry;
}

interface Draft {
  number: number | null;
  titleLines: Line[];
  titleTexts: string[];
  organization: string | null;
  page: number | null;
  /** The organisation line may still wrap onto the next line. */
  orgOpen: boolean;
}

/**
 * Parses the TOC lines (from every TOC page, in order) into entries. An entry is a number+title start
 * line, title continuation lines, an optional `———organisation` line that may wrap over lines, and the
 * page at the end of its last line (after leaders of dots, ellipses, middle dots, or none), or at the
 * end of the title's line. A line that neither starts an entry nor is a dash line continues the open one.
 */
export function parseToc(lines: readonly Line[], vocab: Vocabulary, ctx: TextContext): ImportedTocEntry[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  const close = (): void => {
    if (cur) drafts.push(cur);
    cur = null;
  };
  const open = (): Draft | null => cur as Draft | null;
  const ocrOrg = ctx.ocr === true && ctx.log.on('ocr-toc-org');
  const ocrTail = ctx.ocr === true ? 'ocr-toc-org' : 'strip-leaders';
  // The TOC's measure: its widest line, counting the leaders that fill organisation lines.
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, l.width, l.hadLeaders ? lineWidth(l.raw) : 0);
  // The organisation from the text after the dashes (and before the page), without OCR's leader junk.
  const orgOf = (text: string, line: Line): string => {
    let name = orgText(text);
    // What the reading dropped (OCR's 一 for dashes, leaders or their junk) was text: logged.
    recordDropped(ctx.log, where(line), { text, kept: name }, { head: 'ocr-dash-run', tail: ocrTail });
    if (ocrOrg) {
      let trimmed = trimLeaderJunk(name, vocab);
      // What OCR left of the dashes: a lone 一 or dash before the name.
      if (/^[一—-]\s*\p{Script=Han}/u.test(trimmed) && endsWithOrganizationWord(trimmed, vocab))
        trimmed = trimmed.replace(/^[一—-]\s*/, '');
      if (trimmed !== name) ctx.log.record('ocr-toc-org', where(line), { before: name, after: trimmed });
      name = trimmed;
    }
    return formatLine(name, { role: 'running', where: where(line) }, ctx);
  };
  // No book starts a case on page 0: OCR made that number of leader junk.
  const pageOf = (trailing: { page: number } | null, line: Line): number | null => {
    if (!trailing) return null;
    if (ocrOrg && trailing.page < 1) {
      ctx.log.record('ocr-toc-org', where(line), { before: line.text, after: line.text.replace(/\s*\d+$/, '') });
      return null;
    }
    return trailing.page;
  };
  // A page at the end of an organisation line: after leaders, or spaced off the name (a wrapped
  // `———金川3512` keeps its digits); OCR may have lost both, so under rule 'ocr-toc-org' any trailing number counts.
  const orgTail = (text: string, line: Line): { rest: string; page: number } | null =>
    line.hadLeaders || ocrOrg || /\s\d{1,4}$/.test(text.trim()) ? trailingPage(text) : null;
  // A line holding only the leaders and the page.
  const pageOnly = (text: string, line: Line): number | null =>
    line.hadLeaders && /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
  // Whether the next TOC line is an organisation line (the current line then still belongs to the title).
  const dashNext = (i: number): boolean => {
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (isVocab(t, vocab.tocTitles)) continue;
      return isDashLine(t);
    }
    return false;
  };
  // After an organisation line: it may wrap when the page is still to come, or when it filled the
  // measure or stopped before an organisation word.
  const mayWrap = (org: string, line: Line, pageKnown: boolean): boolean =>
    !pageKnown || line.width >= widest - 3 || !endsWithOrganizationWord(org, vocab);
  // Numbers read apart from their titles, to re-attach by order.
  const column: number[] = [];
  // A TOC numbers all its entries or none: only an unnumbered one starts entries at plain lines.
  const numbered = lines.some((l) => numberColumn(l.text) === null && entryStart(l.text) !== null);
  // An entry without a number (`title`, then its organisation and page), from its first line.
  const startUnnumbered = (text: string, line: Line): void => {
    close();
    const right = numberRight(text, line);
    // Before a number on the right, the page may stand spaced off the title (`title 14 003`).
    const base = right ? right.rest : text;
    const trailing = line.hadLeaders || (!numbered && spacedPage(base)) ? trailingPage(base) : null;
    cur = {
      number: right ? right.number : null,
      titleLines: [line],
      titleTexts: [trailing ? trailing.rest : base],
      organization: null,
      page: trailing ? trailing.page : null,
      orgOpen: false,
    };
  };
  lines.forEach((line, i) => {
    const text = line.text;
    if (isVocab(text, vocab.tocTitles)) return;
    // A line set larger and centred before the page's first entry heads the TOC (目录 as OCR misread it):
    // no entry, kept apart.
    if (headingByGeometry(lines, i)) {
      ctx.unplaced?.push(line);
      return;
    }
    const numbers = numberColumn(text);
    if (numbers) {
      column.push(...numbers);
      return;
    }
    const start = entryStart(text);
    if (start) {
      close();
      const trailing = line.hadLeaders ? trailingPage(start.title) : null;
      cur = {
        number: start.number,
        titleLines: [line],
        titleTexts: [trailing ? trailing.rest : start.title],
        organization: null,
        page: trailing ? trailing.page : null,
        orgOpen: false,
      };
      return;
    }
    if (isDashLine(text)) {
      const rest = dashRest(text);
      recordDropped(ctx.log, where(line), { text, kept: rest }, { head: 'ocr-dash-run', tail: ocrTail });
      const trailing = orgTail(rest, line);
      const organization = orgOf(trailing ? trailing.rest : rest, line);
      const page = pageOf(trailing, line);
      const d = open();
      if (!d || d.organization !== null) {
        // An entry whose number and title sit on the previous (absent) page.
        close();
        cur = { number: null, titleLines: [], titleTexts: [], organization: null, page: null, orgOpen: false };
      }
      const c = open()!;
      c.organization = organization;
      c.page ??= page;
      if (trailing === null && mayWrap(organization, line, c.page !== null)) c.orgOpen = true;
      else close();
      return;
    }
    // An organisation that is complete (ends with an organisation word) does not run on into a line
    // that brings no page, or into one ending in a zero-padded case number (`title 004`: a page never
    // is): that line starts the next entry (OCR lost the page).
    const o = open();
    if (
      o &&
      o.orgOpen &&
      endsWithOrganizationWord(o.organization ?? '', vocab) &&
      (trailingPage(text) === null || numberRight(text, line)) &&
      !numbered
    )
      close();
    const d = open();
    // The organisation wrapped: this line continues it, and may end with the page.
    if (d && d.orgOpen) {
      const only = pageOnly(text, line);
      if (only !== null) {
        d.page ??= only;
        close();
        return;
      }
      const trailing = orgTail(text, line);
      d.organization = (d.organization ?? '') + orgOf(trailing ? trailing.rest : text, line);
      d.page ??= pageOf(trailing, line);
      if (trailing !== null || !mayWrap(d.organization, line, d.page !== null)) close();
      return;
    }
    if (d && d.organization === null) {
      const only = pageOnly(text, line);
      if (only !== null) {
        d.page ??= only;
        return;
      }
    }
    // OCR loses the dashes: after a title, a line ending in a page number is the organisation,
    // unless an organisation line follows (then the title wrapped and its last line carries the page).
    const endsInPage = trailingPage(text);
    if (endsInPage && d && d.organization === null && d.page === null && line.hadLeaders && dashNext(i)) {
      d.titleLines.push(line);
      d.titleTexts.push(endsInPage.rest);
      d.page = endsInPage.page;
      return;
    }
    // A title (not a name) with its page, or with its number on the right, after a complete entry: a new entry.
    // (An entry has one number: a number on the right after an entry that has one starts the next, its page lost.)
    const named = endsWithOrganizationWord(endsInPage?.rest ?? '', vocab);
    const right = numberRight(text, line);
    // (Without leaders, a title spaced off its page: `title 14`.)
    if (
      endsInPage &&
      (!d || d.page !== null || (right && d.number !== null)) &&
      (right || (!named && (line.hadLeaders || (!numbered && spacedPage(text)))))
    ) {
      startUnnumbered(text, line);
      return;
    }
    // Under a title, a line ending in a page that names no organisation continues the title (a TOC without organisations).
    if (
      endsInPage &&
      d &&
      d.organization === null &&
      d.page === null &&
      (line.hadLeaders || spacedPage(text)) &&
      !named &&
      !ctx.ocr
    ) {
      d.titleLines.push(line);
      d.titleTexts.push(endsInPage.rest);
      d.page = endsInPage.page;
      close();
      return;
    }
    if (endsInPage && (!d || d.organization === null)) {
      const organization = orgOf(endsInPage.rest, line);
      const page = pageOf(endsInPage, line);
      if (d) {
        d.organization = organization;
        d.page ??= page;
        close();
      } else drafts.push({ number: null, titleLines: [], titleTexts: [], organization, page, orgOpen: false });
      return;
    }
    // OCR lost the dashes and the page number: a line under a title that names an organisation.
    if (ocrOrg && d && d.organization === null && endsWithOrganizationWord(trimLeaderJunk(text, vocab), vocab)) {
      d.organization = orgOf(text, line);
      ctx.log.record('ocr-toc-org', where(line), { before: d.organization, after: `———${d.organization}` });
      close();
      return;
    }
    const trailing = line.hadLeaders ? trailingPage(text) : null;
    if (d && d.page === null) {
      d.titleLines.push(line);
      d.titleTexts.push(trailing ? trailing.rest : text);
      if (trailing) d.page = trailing.page;
      return;
    }
    if (trailing) {
      close();
      drafts.push({
        number: null,
        titleLines: [line],
        titleTexts: [trailing.rest],
        organization: null,
        page: trailing.page,
        orgOpen: false,
      });
    } else if (!numbered && (!d || d.page !== null) && titleLine(text, line) && !endsWithOrganizationWord(text, vocab))
      startUnnumbered(text, line);
    // A line the reader cannot place in any entry is kept apart, not dropped (unassigned.ts).
    else if (compactText(text)) ctx.unplaced?.push(line);
  });
  close();
  splitMergedTitles(drafts, column.length);
  const entries = drafts.map((d) => ({
    number: d.number,
    title: d.titleLines.length > 0 ? joinTitle(d, widest, ctx) : null,
    organization: d.organization,
    page: d.page,
  }));
  // The number column, re-attached in order to the entries that lack a number.
  if (column.length > 0) {
    let k = 0;
    for (const e of entries) if (e.number === null && k < column.length) e.number = column[k++]!;
  }
  inferNumbers(entries);
  // A TOC that prints no numbers numbers its cases in order.
  if (entries.length > 0 && entries.every((e) => e.number === null)) entries.forEach((e, k) => (e.number = k + 1));
  return entries;
}

/**
 * An organisation as the TOC prints it, without what OCR makes of dashes and leaders: a leading
 * run of dash-like marks (一 - — with spaces between) and trailing marks that are not text.
 */
function orgText(s: string): string {
  return (
    s
      .replace(/^(?:[一—―─－\-~]\s*){2,}|^[—―─－\-~]+\s*|^一\s+/, '')
      .replace(/[^\p{Script=Han}A-Za-z0-9）)”》\]]+$/u, '')
      // OCR's reading of a leader run: a few Latin letters spaced off the name (党总支 ee).
      .replace(/(?<=\p{Script=Han})\s+[A-Za-z]{1,3}$/u, '')
      .trim()
  );
}

/**
 * OCR reads a TOC line's dot leaders as junk after the name, spaced off it: letters (cate fsin
 * te), ideographs (全审计 全全生生), a digit or two. The name ends at the first space after which
 * its words end with an organisation word; failing that, short or non-Han tokens go from the end.
 */
export function trimLeaderJunk(s: string, vocab: Vocabulary): string {
  const toks = s
    .trim()
    .split(/\s+/)
    .filter((x) => x.length > 0);
  if (toks.length < 2) return s.trim();
  for (let k = 1; k < toks.length; k++) {
    const head = toks.slice(0, k).join(' ');
    if (endsWithOrganizationWord(head, vocab)) return head;
  }
  const junky = (tok: string): boolean => Array.from(tok).length <= 2 || /[^\p{Script=Han}（）()]/u.test(tok);
  while (toks.length > 1 && junky(toks[toks.length - 1]!)) toks.pop();
  return toks.join(' ');
}

/** Whether line `i` heads its TOC page by geometry: short, set larger and centred, under nothing but such lines. */
function headingByGeometry(lines: readonly Line[], i: number): boolean {
  const large = (l: Line): boolean => l.geo !== undefined && l.geo.size >= 1.15;
  const line = lines[i]!;
  if (!large(line) || !line.geo!.centred || line.width > 8) return false;
  for (let k = i - 1; k >= 0 && lines[k]!.page === line.page; k--) if (!large(lines[k]!)) return false;
  return true;
}

/** A line that may open an unnumbered entry: short, not a sentence. */
function titleLine(text: string, line: Line): boolean {
  return line.width >= 2 && line.width <= 45 && !/[。；]/.test(text);
}

/** Whether the line holds more than whitespace, dashes and numbers (which the TOC reads as values). */
function compactText(text: string): boolean {
  return /[^\s\-—―─━－~～0-9/／]/.test(text);
}

function where(line: Line): Where {
  return { page: line.page, line: line.lineNo };
}

/**
 * A title printed on two lines: when the first line stops well short of the TOC's measure,
 * the break was the typesetter's phrase break and the phrases keep one space between them;
 * otherwise the line just wrapped.
 */
// Marks a TOC title line may end with while the title runs on into the next line.
const TITLE_RUNS_ON = RUN_ON_MARKS + '—';

/**
 * A number column read apart (OCR) counts the entries. With fewer titled entries than numbers,
 * two entries' titles ran together (OCR moved the first one's organisation line away): an entry's
 * title is split after a line that ends without a break mark, first entries first, until the
 * counts agree. The first part becomes an entry of its own, without organisation or page.
 */
function splitMergedTitles(drafts: Draft[], numbers: number): void {
  let titled = drafts.filter((d) => d.titleLines.length > 0).length;
  for (let k = 0; k < drafts.length && titled < numbers; k++) {
    const d = drafts[k]!;
    if (d.number !== null) continue;
    const at = d.titleTexts.findIndex((t, j) => j > 0 && !TITLE_RUNS_ON.includes(lastChar(d.titleTexts[j - 1]!.trim())));
    if (at < 0) continue;
    drafts.splice(k, 0, {
      number: null,
      titleLines: d.titleLines.slice(0, at),
      titleTexts: d.titleTexts.slice(0, at),
      organization: null,
      page: null,
      orgOpen: false,
    });
    d.titleLines = d.titleLines.slice(at);
    d.titleTexts = d.titleTexts.slice(at);
    titled++;
    k++;
  }
}

function joinTitle(draft: Draft, widest: number, ctx: TextContext): string {
  let out = '';
  draft.titleLines.forEach((line, i) => {
    const text = formatLine(draft.titleTexts[i]!, { role: 'title', where: where(line) }, ctx);
    if (i === 0) out = text;
    else out += (draft.titleLines[i - 1]!.width < widest - 2 ? ' ' : '') + text;
  });
  return fixTitle(out, where(draft.titleLines[0]!), ctx);
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
