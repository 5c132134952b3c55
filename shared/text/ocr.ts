import type { SiteSink } from './rewrite.ts';
import { isCjkPunct, isHan, lineWidth } from './cjk.ts';
import { similarity } from './similarity.ts';

/**
 * Repairs for what OCR (Tesseract) makes of marks that carry structure: the dash run before an
 * organisation or signature, digits in numbers and dates. Each takes one line and reports
 * a change through `sink`.
 */

type Result = { text: string; count: number };

// Dash-like marks OCR reads a printed ——— as: the ideograph 一, hyphens, dashes, tildes, underscores.
const DASHY = '一—―─━－\\-~～_=';
const RE_DASH_RUN = new RegExp(`^((?:[${DASHY}][ \\t]?)+)(?=\\p{Script=Han})`, 'u');
// A name after the run: no sentence punctuation (a line of running text has some).
const RE_NOT_NAME = /[，。；：！？,;:!?、…“”"]/;
const MAX_NAME_WIDTH = 30;

/**
 * A leading run of dash-like marks before a name becomes `———`: OCR reads the printed ——— as
 * `一一`, `一-一`, `一 一`, `-一一`, `—一—` or a single `—`/`-`. A run of ideographs 一 alone
 * must be at least two long (one 一 opens words: 一是…, 一心…); one real dash or hyphen is
 * enough (Chinese text never sets a lone dash before a word). The rest must be name-shaped:
 * short, without sentence punctuation.
 */
export function ocrDashRun(s: string, sink?: SiteSink): Result {
  const trimmed = s.trimStart();
  const m = RE_DASH_RUN.exec(trimmed);
  if (!m) return { text: s, count: 0 };
  const run = m[1]!.replace(/[ \t]/g, '');
  const rest = trimmed.slice(m[0].length).trimEnd();
  if (run === '———') return { text: s, count: 0 };
  const onlyOne = /^一+$/.test(run);
  if (onlyOne && run.length < 2) return { text: s, count: 0 };
  if (run.length > 6 || rest.length < 2 || RE_NOT_NAME.test(rest) || lineWidth(rest) > MAX_NAME_WIDTH) {
    return { text: s, count: 0 };
  }
  const out = '———' + rest;
  sink?.(s.trim(), out);
  return { text: out, count: 1 };
}

// Characters OCR reads for digits: O/o for 0, l/I/|/] for 1.
const DIGIT_OF: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1', ']': '1' };

/**
 * A number as OCR may have read it (O01, 0O1, 00l, l2): the misread characters become digits
 * when the token holds at least one real digit and nothing but digit look-alikes. Null if the
 * token is not such a number.
 */
export function ocrNumber(token: string): string | null {
  if (!/^[0-9OolI|\]]+$/.test(token) || !/[0-9]/.test(token)) return null;
  return token.replace(/[OolI|\]]/g, (ch) => DIGIT_OF[ch] ?? ch);
}

/**
 * A speck OCR read at a page's edge or between blocks (`|`, `Sy`, `Fil.`): a line of at most four
 * characters without an ideograph, a digit or Chinese punctuation (digits stay: page numbers), a
 * lone character other than a digit, or (in the line as read, `raw`) a few marks spread over the
 * line with wide gaps between them.
 */
export function isStrayLine(s: string, raw = s): boolean {
  const chars = Array.from(s.replace(/\s+/g, ''));
  if (chars.length === 0) return false;
  if (chars.length <= 4 && !chars.some((ch) => isHan(ch) || (ch >= '0' && ch <= '9') || isCjkPunct(ch))) return true;
  // One ideograph or mark alone (a digit alone is a page number).
  if (chars.length === 1 && !/[0-9]/.test(chars[0]!)) return true;
  // Specks scattered across the line (杞，       AN): a few marks, at most two ideographs, wide gaps.
  const han = chars.filter(isHan).length;
  return chars.length <= 8 && han <= 2 && /\S {4,}\S/.test(raw);
}

// One comma between two phrases of at least three ideographs, and no other punctuation but quotes and brackets.
// (Marks before the title, junk after it and empty quotes “” go first.)
const RE_GAP_COMMA = /^([\p{Script=Han}“”《》（）]{3,})[，,]([\p{Script=Han}“”《》（）]{3,})$/u;

/**
 * OCR reads the wide gap between a title's two phrases as a comma (凝聚发展力量，共创美好未来):
 * a title of two phrases joined by one comma gets its space back; marks before or after the
 * title go. For OCR text only: a typeset title may hold a real comma.
 */
export function ocrTitleGap(s: string, sink?: SiteSink): Result {
  // Marks OCR put before or after the title (，融入中心起作用…) are no part of it.
  const title = s
    .trim()
    .replace(/“\s*”/g, '')
    .replace(/^[^\p{Script=Han}A-Za-z0-9“‘《（〔【「『]+|[，,、：:；;|\-\s]+$/gu, '');
  const m = RE_GAP_COMMA.exec(title);
  // No phrase gap follows full-width punctuation: a space OCR put after ：，；、 goes.
  const out = (m ? `${m[1]} ${m[2]}` : title).replace(/([，：；、])\s+/g, '$1');
  if (out === s || out.length === 0) return { text: s, count: 0 };
  sink?.(s, out);
  return { text: out, count: 1 };
}

// A run of digits and digit look-alikes holding at least one real digit and one look-alike, not part of a Latin word.
const RE_LOOKALIKE_RUN = /(?<![A-Za-z])(?=[0-9OolI|\]]*[0-9])(?=[0-9OolI|\]]*[OolI|\]])[0-9OolI|\]]{2,}(?![A-Za-z])/g;
// A month or day read as a bracket or bar between 年 and 月, 月 and 日.
const RE_LOOKALIKE_DATE = /(?<=年)[\]|lI](?=月)|(?<=月)[\]|lI](?=日)/g;

/**
 * Digits OCR read as look-alikes inside numbers (201]年 → 2011年, l0个 → 10个, 2O12 → 2012), and a
 * month or day read as `]` or `|` (年]月 → 年1月). A run needs a real digit and must not touch
 * Latin letters (ISO9001, Office stay).
 */
export function ocrDigitLookalikes(s: string, sink?: SiteSink): Result {
  let count = 0;
  let text = s.replace(RE_LOOKALIKE_RUN, (tok) => {
    const n = ocrNumber(tok);
    if (n === null || n === tok) return tok;
    count++;
    return n;
  });
  text = text.replace(RE_LOOKALIKE_DATE, () => {
    count++;
    return '1';
  });
  if (count > 0) sink?.(s, text);
  return { text, count };
}

/**
 * A percent sign as Tesseract reads it in some CJK fonts: the lower ring as a trailing 6
 * (91.2%6，→ 91.2%，). Only before punctuation, an ideograph or the end of the line.
 */
export function ocrPercent(s: string, sink?: SiteSink): Result {
  let count = 0;
  const text = s.replace(/(?<=[0-9])%6(?=[\p{Script=Han}，。、；：）”\s]|$)/gu, () => {
    count++;
    return '%';
  });
  if (count > 0) sink?.(s, text);
  return { text, count };
}

/**
 * The ideograph 一 read as an ASCII hyphen in running text (。-是建立 → 。一是建立): a hyphen after
 * an ideograph, Chinese punctuation or the line start, before an ideograph. Chinese text sets no
 * lone hyphen there (its dashes are ——, and the line-start dash run is another rule's business).
 */
export function ocrHyphenYi(s: string, sink?: SiteSink): Result {
  let count = 0;
  const text = s.replace(/(?<=^|[\p{Script=Han}，。、；：！？”’）》])-(?=\p{Script=Han})/gu, () => {
    count++;
    return '一';
  });
  if (count > 0) sink?.(s, text);
  return { text, count };
}

/**
 * A full stop OCR read as an ASCII period or a small o after an ideograph, at the end of the line
 * or before the next sentence (支持. → 支持。). Decimals (3.7万元) are digits on both sides.
 */
export function ocrFullStop(s: string, sink?: SiteSink): Result {
  let count = 0;
  const text = s.replace(/(?<=\p{Script=Han}|[”）》])[.o](?=$|\s*$|[\p{Script=Han}“（《])/gu, () => {
    count++;
    return '。';
  });
  if (count > 0) sink?.(s, text);
  return { text, count };
}

const RE_BRACKETED = /^[(（【〔[〖「『［]\s*([^()（）【】〔〕[\]〖〗「」『』［］]{2,8}?)\s*[)）】〕\]〗」』］]$/u;

/**
 * A box label OCR misread: a short bracketed word on a line of its own whose word is like one of
 * `labels` (组织点许 for 组织点评) or holds no ideograph at all (the English model's reading,
 * (AARP)). Returns the label it stands for, or null.
 */
export function ocrLabel(s: string, labels: readonly string[]): string | null {
  const m = RE_BRACKETED.exec(s.trim());
  if (!m || labels.length === 0 || /[0-9]/.test(m[1]!)) return null;
  const word = m[1]!.replace(/\s+/g, '');
  let best = labels[0]!;
  let bestScore = -1;
  for (const l of labels) {
    const score = similarity(word, l);
    if (score > bestScore) {
      best = l;
      bestScore = score;
    }
  }
  if (bestScore === 1) return null;
  if (bestScore >= 0.5 || !Array.from(word).some((ch) => isHan(ch))) return best;
  return null;
}
