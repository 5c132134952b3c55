import { rewrite, type Rewrite, type SiteSink } from './rewrite.ts';
import { isHan, lineWidth } from './cjk.ts';

/**
 * Extraction garbage: characters that were never text on the printed page (dot leaders drawn
 * with a symbol font, U+FFFD from unmapped glyphs, separator glyphs) and OCR's ASCII stand-ins.
 */

type Result = { text: string; count: number };

const STRIP_FFFD: Rewrite = { pattern: /\uFFFD+/g, replace: () => '' };

/** Removes U+FFFD replacement characters (glyphs the extractor could not map). */
export function stripFffd(s: string, sink?: SiteSink): Result {
  return rewrite(s, STRIP_FFFD, sink);
}

// `!` runs are dot leaders drawn with a symbol font: a run starting the line or after a space.
// The space run is taken whole (never from inside it), so a long run of spaces costs linear time.
const RE_BANG_LEADER = /(^|(?<![ \t])[ \t]+)!+[ \t]*/g;
// Dot or ellipsis leaders before a page number at the end of a line (TOC entries): found by
// walking back from the end (see `dotLeader`), because a regex searched from every position of a
// long run of dots or spaces takes quadratic time.
const LEADER_CHARS = '…⋯·•．.';
// A line made only of leader characters.
const RE_LEADER_LINE = /^[\s!…⋯·•．.]+$/;

export interface LeaderRepair {
  /**
   * Rule 'repair-split-word': when a leader run had split a word (党总 !!!!支: the extractor placed
   * the leaders between the last two characters), the two halves are joined again; otherwise a
   * space is left where the leaders were.
   */
  repair: boolean;
  /** Hears of each word joined again. */
  repairSink?: SiteSink;
}

/** Removes dot leaders (a split word: see `LeaderRepair`). */
export function stripLeaders(s: string, { repair, repairSink }: LeaderRepair, sink?: SiteSink): Result & { repaired: number } {
  if (RE_LEADER_LINE.test(s) && /[!…⋯·•．.]{2,}|^\s*!\s*$/.test(s)) {
    sink?.(s, '');
    return { text: '', count: 1, repaired: 0 };
  }
  let repaired = 0;
  const bang = !s.includes('!')
    ? { text: s, count: 0 }
    : rewrite(
        s,
        {
          pattern: RE_BANG_LEADER,
          replace: (m) => {
            const before = s[m.index - 1] ?? '';
            const after = s[m.index + m[0].length] ?? '';
            if (before === '' || after === '') return '';
            if (repair && isHan(before) && isHan(after)) {
              repaired++;
              repairSink?.(before + ' ' + after, before + after);
              return '';
            }
            return ' ';
          },
        },
        sink,
      );
  const dots = stripDotLeader(bang.text, sink);
  return { text: dots.text, count: bang.count + dots.count, repaired };
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/**
 * The leader run before a trailing page number: `[spaces][leaders][spaces]` right before 1–4
 * digits that end the line (trailing spaces aside). Null when there is none.
 */
function dotLeader(s: string): { index: number; spaces: number; leaders: number; length: number } | null {
  let end = s.length;
  while (end > 0 && isBlank(s[end - 1])) end--;
  let digitsStart = end;
  while (digitsStart > 0 && s[digitsStart - 1]! >= '0' && s[digitsStart - 1]! <= '9') digitsStart--;
  if (end - digitsStart < 1 || end - digitsStart > 4) return null;
  let k = digitsStart;
  while (k > 0 && isBlank(s[k - 1])) k--;
  // The run may be broken by spaces (OCR: `…………… .324`): it is taken whole, spaces inside it too.
  let leaders = 0;
  let runStart = k;
  for (let j = k; j > 0; j--) {
    const ch = s[j - 1]!;
    if (LEADER_CHARS.includes(ch)) {
      leaders++;
      runStart = j - 1;
    } else if (!isBlank(ch)) break;
  }
  if (leaders === 0) return null;
  k = runStart;
  let index = k;
  while (index > 0 && isBlank(s[index - 1])) index--;
  return { index, spaces: k - index, leaders, length: digitsStart - index };
}

/** Removes the leader run before a trailing page number (two ellipsis characters are an ellipsis). */
function stripDotLeader(s: string, sink?: SiteSink): Result {
  const leader = dotLeader(s);
  if (!leader) return { text: s, count: 0 };
  // Two ellipsis characters are an ellipsis (……), not a leader, unless spaced off the text.
  if (leader.leaders < 3 && leader.spaces === 0) return { text: s, count: 0 };
  const rep = leader.index === 0 ? '' : ' ';
  const start = leader.index;
  const end = start + leader.length;
  if (sink) {
    const pre = s.slice(Math.max(0, start - 6), start);
    const post = s.slice(end, end + 6);
    sink(pre + s.slice(start, end) + post, pre + rep + post);
  }
  return { text: s.slice(0, start) + rep + s.slice(end), count: 1 };
}

const RE_SEPARATOR_LINE = /^[\s/|｜\\%·•※＊*]+$/;
// The separator glyph between a TOC number and its title, as some fonts extract it.
const STRIP_SEPARATOR_GLYPHS: Rewrite = {
  pattern: /%%\/%%|%%/g,
  replace: (m) => {
    const head = m.input.slice(0, m.index);
    if (m[0] === '%%/%%' && /^\s*\d{1,4}\s*$/.test(head)) return ' / ';
    return '';
  },
};

/**
 * Removes orphan separators: separator glyphs (`%%/%%`) and lines made only of separators.
 * Between a leading number and text (`091%%/%%标题`) the glyph becomes a plain ` / `.
 */
export function stripOrphanSeparators(s: string, sink?: SiteSink): Result {
  if (RE_SEPARATOR_LINE.test(s) && s.trim().length > 0) {
    sink?.(s, '');
    return { text: '', count: 1 };
  }
  return rewrite(s, STRIP_SEPARATOR_GLYPHS, sink);
}

const ASCII_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
const FULLWIDTH_PUNCT: Rewrite = {
  pattern: /(?<=\p{Script=Han})[,:;?!](?=\s*(?:\p{Script=Han}|[“‘（《]|$))/gu,
  replace: (m) => ASCII_TO_FULL[m[0]] ?? m[0],
};

/** OCR reads full-width punctuation after an ideograph as ASCII (即: → 即：). */
export function fullwidthPunct(s: string, sink?: SiteSink): Result {
  return rewrite(s, FULLWIDTH_PUNCT, sink);
}

/**
 * Straight double quotes in Chinese text become curly ones, opening or closing by balance.
 * `open` is how many quotes are open before `s` starts (for text that runs on from a previous line).
 */
export function curlyQuotes(s: string, sink?: SiteSink, open = 0): Result & { open: number } {
  if (!s.includes('"') || !/\p{Script=Han}/u.test(s)) return { text: s, count: 0, open: balance(s, open) };
  let depth = open;
  let out = '';
  let count = 0;
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    if (ch === '"') {
      // OCR mostly loses the closing quote: an unmatched one, or one before punctuation, closes.
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      const closes = depth > 0 || next === '' || /[，。、；：！？）\s]/.test(next) || /[\p{Script=Han}0-9A-Za-z]/u.test(prev);
      const rep = closes ? '”' : '“';
      depth = rep === '”' ? depth - 1 : depth + 1;
      out += rep;
      count++;
    } else out += ch;
  }
  if (count > 0) sink?.(s, out);
  return { text: out, count, open: depth };
}

function balance(s: string, open: number): number {
  let depth = open;
  for (const ch of s) {
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/**
 * OCR puts a stray quote mark into the gap of a short line (学习先进典型 ”争创一流业绩,
 * 书记 “王三运, 家园 ”001). On short lines with unbalanced quotes, a quote right after a space
 * and before an ideograph or digit goes.
 */
export function stripStrayQuotes(s: string, sink?: SiteSink): Result {
  if (lineWidth(s) > 24) return { text: s, count: 0 };
  const opens = (s.match(/“/g) ?? []).length;
  const closes = (s.match(/”/g) ?? []).length;
  if (opens === closes) return { text: s, count: 0 };
  const pattern = opens > closes ? /(?<= )“(?=[\p{Script=Han}0-9])(?![^”]*”)/gu : /(?<= )”(?=[\p{Script=Han}0-9])/gu;
  return rewrite(s, { pattern, replace: () => '' }, sink);
}

const RE_MISREAD_CLOSE = /“([^“”\s]{1,10})“(?=[^”]*$)/u;

/**
 * In a complete title every quote has its partner. An unmatched one standing between two
 * ideographs is a misread phrase gap (制定目标“落实责任 → 制定目标 落实责任); one beside a gap
 * goes (争当发展排头兵” 活动 → 争当发展排头兵 活动).
 */
export function unbalancedTitleQuotes(s: string, sink?: SiteSink): Result {
  if (!s.includes('“') && !s.includes('”')) return { text: s, count: 0 };
  // A short quoted word closed with an opening quote (“党员积分制“): OCR misread the closing one.
  const closed = s.replace(RE_MISREAD_CLOSE, '“$1”');
  if (closed !== s) {
    const rest = unbalancedTitleQuotes(closed);
    sink?.(s, rest.text);
    return { text: rest.text, count: rest.count + 1 };
  }
  const chars = Array.from(s);
  // Pair quotes left to right (as many “ as ” may still pair badly: ”…“); whatever stays unpaired is a candidate.
  const stack: number[] = [];
  const unpaired = new Set<number>();
  chars.forEach((ch, i) => {
    if (ch === '“') stack.push(i);
    else if (ch === '”') {
      if (stack.length > 0) stack.pop();
      else unpaired.add(i);
    }
  });
  for (const i of stack) unpaired.add(i);
  let count = 0;
  let close = false;
  const out = chars.map((ch, i) => {
    if (!unpaired.has(i)) return ch;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    // Beside a phrase gap (争当发展排头兵” 活动步步深入) the quote is the gap's misreading too;
    // at either end of the title it has nothing to quote.
    if ((isHan(before) && (after === ' ' || after === '')) || ((before === ' ' || before === '') && isHan(after))) {
      count++;
      return '';
    }
    if (!isHan(before) || !isHan(after)) return ch;
    count++;
    // An opening quote inside the last phrase (after a gap) before a short word that ends the
    // title: OCR lost its closing partner (架起“致富路 → 架起“致富路”), the quote is real.
    const rest = chars.slice(i + 1);
    if (
      ch === '“' &&
      i === lastOpen(chars, unpaired) &&
      rest.length <= 8 &&
      !rest.includes(' ') &&
      chars.slice(0, i).some((c, k) => c === ' ' || (unpaired.has(k) && chars[k] === '”'))
    ) {
      close = true;
      return ch;
    }
    return ' ';
  });
  if (count === 0) return { text: s, count: 0 };
  if (close) out.push('”');
  const text = out.join('');
  sink?.(s, text);
  return { text, count };
}

/** Index of the last unpaired opening quote (−1 if none). */
function lastOpen(chars: readonly string[], unpaired: ReadonlySet<number>): number {
  for (let i = chars.length - 1; i >= 0; i--) if (unpaired.has(i) && chars[i] === '“') return i;
  return -1;
}
