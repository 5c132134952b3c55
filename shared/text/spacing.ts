import { rewrite, type SiteSink } from './rewrite.ts';
import { isHan } from './cjk.ts';

/**
 * Spacing rules for Chinese running text. Extractors put ASCII spaces after full-width
 * punctuation, around digits and before quotes where the printed page had none; the book's own
 * spaces are the gaps between the phrases of a title. Each function does one rule and reports
 * each change through `sink`.
 */

type Result = { text: string; count: number };

// Full-width punctuation (U+3000 and U+3007 〇 excluded), curly quotes, ellipsis and dashes.
const PUNCT = '\\u3001-\\u3006\\u3008-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014\\u2015';
const OPEN = '“‘（《「『【〔〈〖［｛';
const CLOSE = '”’）》」』】〕〉〗］｝';
const HAN = '\\p{Script=Han}';
const SP = '[ \\t\\u00a0]+';

const RE_MULTI_SPACE = /[ \t\u00a0\u3000]{2,}|\t|\u00a0|\u3000/g;
const RE_AFTER_PUNCT = new RegExp(`([${PUNCT}])${SP}(?=\\S)`, 'gu');
const RE_BEFORE_PUNCT = new RegExp(`(\\S)${SP}(?=[${PUNCT}])`, 'gu');
const RE_HAN_DIGIT = new RegExp(`(?<=${HAN})${SP}(?=[0-9])|(?<=[0-9%])${SP}(?=${HAN})`, 'gu');
const RE_BEFORE_QUOTE = new RegExp(`(?<=[${HAN}${PUNCT}0-9])${SP}(?=[${OPEN}])`, 'gu');
const RE_HAN_HAN = new RegExp(`(?<=${HAN})${SP}(?=${HAN})`, 'gu');

/** Tabs, NBSP, ideographic spaces inside the text and runs of spaces become one space. */
export function collapseSpaces(s: string, sink?: SiteSink): Result {
  const r = rewrite(s, RE_MULTI_SPACE, () => ' ', sink);
  const t = r.text.trim();
  return { text: t, count: r.count };
}

/**
 * No space after full-width punctuation. With `keepPhraseGaps` (titles), a space after a closing
 * quote or bracket that is followed by an ideograph or an opening quote stays: it is the gap
 * between two phrases (开设“民情论坛” 打造和谐家园).
 */
export function spaceAfterPunct(s: string, keepPhraseGaps: boolean, sink?: SiteSink): Result {
  return rewrite(
    s,
    RE_AFTER_PUNCT,
    (m) => {
      const p = m[1]!;
      if (keepPhraseGaps && CLOSE.includes(p)) {
        const next = s[m.index + m[0].length] ?? '';
        if (isHan(next) || OPEN.includes(next)) return m[0];
      }
      // An opening quote after a space is another rule's business (space-before-quote).
      return p;
    },
    sink,
  );
}

/** No space before full-width punctuation, except before an opening quote or bracket. */
export function spaceBeforePunct(s: string, sink?: SiteSink): Result {
  return rewrite(
    s,
    RE_BEFORE_PUNCT,
    (m) => {
      const next = s[m.index + m[0].length] ?? '';
      if (OPEN.includes(next)) return m[0];
      return m[1]!;
    },
    sink,
  );
}

/** No space between an ideograph and a number (`keepOne`: exactly one space stays). */
export function spaceCjkDigit(s: string, keepOne: boolean, sink?: SiteSink): Result {
  return rewrite(s, RE_HAN_DIGIT, () => (keepOne ? ' ' : ''), sink);
}

/** No space between CJK text and an opening quote or bracket (困难居民 “住房难” → 困难居民“住房难”). */
export function spaceBeforeQuote(s: string, sink?: SiteSink): Result {
  return rewrite(s, RE_BEFORE_QUOTE, () => '', sink);
}

/** No space between two ideographs (running text only: in titles such a space is a phrase gap). */
export function spaceBetweenCjk(s: string, sink?: SiteSink): Result {
  return rewrite(s, RE_HAN_HAN, () => '', sink);
}

const RE_LETTERSPACED = new RegExp(`(?<=[${HAN}${PUNCT}])( {2,}| )(?=[${HAN}${PUNCT}])`, 'gu');

/**
 * OCR sometimes spaces every character (创 先 争 优). When most ideograph pairs on a line are
 * separated by single spaces, those spaces go; wider gaps stay as one space (a phrase gap).
 */
export function collapseLetterspacing(s: string, sink?: SiteSink): Result {
  const chars = Array.from(s);
  let pairs = 0;
  let spaced = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    if (!isHan(a)) continue;
    const b = chars[i + 1]!;
    if (isHan(b)) pairs++;
    else if (b === ' ' && isHan(chars[i + 2] ?? '') && chars[i + 2] !== ' ') {
      pairs++;
      spaced++;
    }
  }
  if (spaced < 4 || spaced < pairs * 0.6) return { text: s, count: 0 };
  // Single spaces between CJK characters go; a run of two or more spaces is a real gap.
  const r = rewrite(s, RE_LETTERSPACED, (m) => (m[1]!.length >= 2 ? ' ' : ''));
  if (r.count === 0) return { text: s, count: 0 };
  sink?.(s, r.text);
  return { text: r.text, count: 1 };
}
