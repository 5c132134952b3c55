/**
 * Character classes for Chinese typeset text, and the "visual width" of a line in ems.
 * Import decisions (is this line full? is it a heading?) are made on widths, because extracted
 * text loses the layout but keeps the characters.
 */

const HAN = /\p{Script=Han}/u;

/** A Han ideograph (includes 〇). */
export function isHan(ch: string): boolean {
  return ch.length > 0 && HAN.test(ch);
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

export function isLatinLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/** Opening quotes and brackets that attach to what follows them. */
export const OPENING = '“‘（《「『【〔〈〖［｛';
/** Closing quotes and brackets that attach to what precedes them. */
export const CLOSING = '”’）》」』】〕〉〗］｝';
/** Punctuation that can end a sentence (and so a paragraph). */
export const SENTENCE_FINAL = '。！？；…!?';
/** Punctuation after which a line cannot end a paragraph. */
export const CONTINUING = '，、：“‘（《「『【〔';

/** Full-width (CJK) punctuation, including curly quotes, ellipsis and dashes as set in Chinese text. */
export function isCjkPunct(ch: string): boolean {
  if (ch.length === 0) return false;
  const code = ch.codePointAt(0)!;
  return (
    (code >= 0x3000 && code <= 0x303f && code !== 0x3000 && code !== 0x3007) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026 ||
    code === 0x2014 ||
    code === 0x2015 ||
    code === 0x00b7 ||
    code === 0x2022
  );
}

export function isOpening(ch: string): boolean {
  return ch.length > 0 && OPENING.includes(ch);
}

export function isClosing(ch: string): boolean {
  return ch.length > 0 && CLOSING.includes(ch);
}

/** A character that belongs to CJK running text: an ideograph or full-width punctuation. */
export function isCjk(ch: string): boolean {
  return isHan(ch) || isCjkPunct(ch) || isKanaOrHangul(ch);
}

function isKanaOrHangul(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af);
}

// Latin letters in the proportional fonts books set them in (em, rounded): capitals run near
// 0.7 em, small letters near 0.55, with the usual narrow and wide ones. Counting them all as half
// an em makes a full justified line with a few capitals (QQ, LED, GPS) look two ems short, i.e.
// like a paragraph's last line. Digits stay half an em (CJK fonts set them so, near enough).
const NARROW_LOWER = 'fijlrt';
const WIDE_LOWER = 'mw';
const NARROW_UPPER = 'IJ';
const WIDE_UPPER = 'MW';

/** Width of one character in ems, as it would be set in a Chinese book. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x20 || code === 0x09) return 0.25;
  if (code >= 0x61 && code <= 0x7a) return NARROW_LOWER.includes(ch) ? 0.33 : WIDE_LOWER.includes(ch) ? 0.85 : 0.55;
  if (code >= 0x41 && code <= 0x5a) return NARROW_UPPER.includes(ch) ? 0.4 : WIDE_UPPER.includes(ch) ? 0.95 : 0.7;
  if (code === 0x25 || code === 0x40) return 0.9; // % @
  if (code < 0x7f) return 0.5;
  if (code === 0x3000) return 1;
  if (code === 0x00b7) return 0.5;
  return 1;
}

/**
 * Visual width of a line in ems. Spaces next to CJK count nothing: extractors insert them after
 * punctuation and around digits where the printed line had none.
 */
export function lineWidth(s: string): number {
  let width = 0;
  const chars = Array.from(s.trim());
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      if (ch === '\u3000') width += 1;
      else if (!(isCjk(prev) || isCjk(next))) width += 0.25;
      continue;
    }
    width += charWidth(ch);
  }
  return width;
}

/** Last non-space character of a string ('' if none). */
export function lastChar(s: string): string {
  const t = s.trimEnd();
  if (t.length === 0) return '';
  const code = t.codePointAt(t.length - 1)!;
  // A low surrogate: step back to the full code point.
  if (code >= 0xdc00 && code <= 0xdfff && t.length >= 2) return t.slice(-2);
  return t.slice(-1);
}

/** First non-space character of a string ('' if none). */
export function firstChar(s: string): string {
  const t = s.trimStart();
  if (t.length === 0) return '';
  return String.fromCodePoint(t.codePointAt(0)!);
}

/**
 * Whether the text ends a sentence: with sentence-final punctuation, or with a closing quote or
 * bracket right after one (“……。” / ……”).
 */
export function endsSentence(s: string): boolean {
  const t = s.trimEnd();
  if (t.length === 0) return false;
  const last = t[t.length - 1]!;
  if (SENTENCE_FINAL.includes(last)) return true;
  if (isClosing(last) && t.length >= 2) {
    const before = t[t.length - 2]!;
    return SENTENCE_FINAL.includes(before);
  }
  return false;
}

/** Whether the text ends with punctuation after which the sentence must go on. */
export function endsContinuing(s: string): boolean {
  const last = lastChar(s);
  return last !== '' && CONTINUING.includes(last);
}

/** Whether any punctuation that could end a clause closes the text. */
export function endsWithPunct(s: string): boolean {
  const last = lastChar(s);
  if (last === '') return false;
  return (isCjkPunct(last) && !isClosing(last)) || SENTENCE_FINAL.includes(last) || ',.;:'.includes(last);
}

/** The text with all whitespace removed: the key for comparing titles across extractions. */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** Count of Han ideographs in a string. */
export function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch)) n++;
  return n;
}
