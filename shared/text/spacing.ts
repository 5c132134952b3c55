import { rewrite, type Rewrite, type SiteSink } from './rewrite.ts';
import { isHan } from './cjk.ts';

/**
 * Spacing rules for Chinese running text. Extractors put ASCII spaces after full-width
 * punctuation, around digits and before quotes where the printed page had none; the book's own
 * spaces are the gaps between the phrases of a title. Each function does one rule and reports
 * each change through `sink`.
 */

type Result = { text: string; count: number };

// Full-width punctuation (U+3000 and U+3007 〇 excluded), curly quotes, ellipsis and dashes.
const PUNCT =
  '\\u3001-\\u3006\\u3008-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014\\u2015';
const OPEN = '“‘（《「『【〔〈〖［｛';
const CLOSE = '”’）》」』】〕〉〗］｝';
const HAN = '\\p{Script=Han}';
const SPACES = '[ \\t\\u00a0]+';

const RE_MULTI_SPACE = /[ \t\u00a0\u3000]{2,}|\t|\u00a0|\u3000/g;
const RE_AFTER_PUNCT = new RegExp(`([${PUNCT}])${SPACES}(?=\\S)`, 'gu');
const RE_BEFORE_PUNCT = new RegExp(`(\\S)${SPACES}(?=[${PUNCT}])`, 'gu');
const RE_HAN_DIGIT = new RegExp(`(?<=${HAN})${SPACES}(?=[0-9])|(?<=[0-9%])${SPACES}(?=${HAN})`, 'gu');
const RE_BEFORE_QUOTE = new RegExp(`(?<=[${HAN}${PUNCT}0-9])${SPACES}(?=[${OPEN}])`, 'gu');
const RE_HAN_HAN = new RegExp(`(?<=${HAN})${SPACES}(?=${HAN})`, 'gu');

// Rewrites that take nothing from the call are made once (the import runs several per line).
const dropMatch = (): string => '';
const oneSpace = (): string => ' ';
const COLLAPSE_SPACES: Rewrite = { pattern: RE_MULTI_SPACE, replace: oneSpace };
const NO_HAN_DIGIT_SPACE: Rewrite = { pattern: RE_HAN_DIGIT, replace: dropMatch };
const ONE_HAN_DIGIT_SPACE: Rewrite = { pattern: RE_HAN_DIGIT, replace: oneSpace };
const NO_SPACE_BEFORE_QUOTE: Rewrite = { pattern: RE_BEFORE_QUOTE, replace: dropMatch };
const NO_HAN_HAN_SPACE: Rewrite = { pattern: RE_HAN_HAN, replace: dropMatch };

/** Tabs, NBSP, ideographic spaces inside the text and runs of spaces become one space. */
export function collapseSpaces(s: string, sink?: SiteSink): Result {
  const r = rewrite(s, COLLAPSE_SPACES, sink);
  const t = r.text.trim();
  return { text: t, count: r.count };
}

export interface PunctSpacing {
  /**
   * Titles and bylines: a space after a closing quote or bracket that is followed by an ideograph
   * or an opening quote stays, being the gap between two phrases (开设“民情论坛” 打造和谐家园).
   */
  keepPhraseGaps: boolean;
}

// An opening quote after a space is another rule's business (space-before-quote).
const NO_SPACE_AFTER_PUNCT: Rewrite = { pattern: RE_AFTER_PUNCT, replace: (m) => m[1]! };
const NO_SPACE_AFTER_PUNCT_BUT_GAPS: Rewrite = {
  pattern: RE_AFTER_PUNCT,
  replace: (m) => {
    const mark = m[1]!;
    if (CLOSE.includes(mark)) {
      const next = m.input[m.index + m[0].length] ?? '';
      if (isHan(next) || OPEN.includes(next)) return m[0];
    }
    return mark;
  },
};

/** No space after full-width punctuation (but see `keepPhraseGaps`). */
export function spaceAfterPunct(s: string, { keepPhraseGaps }: PunctSpacing, sink?: SiteSink): Result {
  return rewrite(s, keepPhraseGaps ? NO_SPACE_AFTER_PUNCT_BUT_GAPS : NO_SPACE_AFTER_PUNCT, sink);
}

const NO_SPACE_BEFORE_PUNCT: Rewrite = {
  pattern: RE_BEFORE_PUNCT,
  replace: (m) => {
    const next = m.input[m.index + m[0].length] ?? '';
    if (OPEN.includes(next)) return m[0];
    return m[1]!;
  },
};

/** No space before full-width punctuation, except before an opening quote or bracket. */
export function spaceBeforePunct(s: string, sink?: SiteSink): Result {
  return rewrite(s, NO_SPACE_BEFORE_PUNCT, sink);
}

export interface DigitSpacing {
  /** Exactly one space stays between an ideograph and a number (option `cjkDigitSpace`), instead of none. */
  keepOne: boolean;
}

/** No space between an ideograph and a number (or one: see `keepOne`). */
export function spaceCjkDigit(s: string, { keepOne }: DigitSpacing, sink?: SiteSink): Result {
  return rewrite(s, keepOne ? ONE_HAN_DIGIT_SPACE : NO_HAN_DIGIT_SPACE, sink);
}

/** No space between CJK text and an opening quote or bracket (困难居民 “住房难” → 困难居民“住房难”). */
export function spaceBeforeQuote(s: string, sink?: SiteSink): Result {
  return rewrite(s, NO_SPACE_BEFORE_QUOTE, sink);
}

/** No space between two ideographs (running text only: in titles such a space is a phrase gap). */
export function spaceBetweenCjk(s: string, sink?: SiteSink): Result {
  return rewrite(s, NO_HAN_HAN_SPACE, sink);
}

// Single spaces between CJK characters go; a run of two or more spaces is a real gap.
const LETTERSPACING: Rewrite = {
  pattern: new RegExp(`(?<=[${HAN}${PUNCT}])( {2,}| )(?=[${HAN}${PUNCT}])`, 'gu'),
  replace: (m) => (m[1]!.length >= 2 ? ' ' : ''),
};

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
  const r = rewrite(s, LETTERSPACING);
  if (r.count === 0) return { text: s, count: 0 };
  sink?.(s, r.text);
  return { text: r.text, count: 1 };
}
