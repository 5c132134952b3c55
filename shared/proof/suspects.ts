/**
 * Suspects: places in a block's text that look like extraction or typing errors. They are computed
 * on demand from the text and never stored. Offsets are UTF-16 offsets into the text given.
 */
import { matchWords, pickHits, type WordHit, type WordMatcher } from './wordList.ts';

export const SUSPECT_KINDS = [
  'replacement-char',
  'garbage',
  'lookalike',
  'halfwidth-punct',
  'cjk-space',
  'unbalanced',
  'traditional',
  'bad-word',
  // From what OCR knows rather than from the text: shared/proof/ocrSuspects.ts.
  'ocr-low-confidence',
] as const;
export type SuspectKind = (typeof SUSPECT_KINDS)[number];

export interface Suspect {
  start: number;
  end: number;
  /** Also names the explanation the UI shows (`proof.suspectKinds.<kind>` in renderer/i18n). */
  kind: SuspectKind;
  /** Replacement for [start, end) when the correction is unambiguous. */
  fix?: string;
}

/** Converts traditional characters to simplified ones (see `loadSimplifier`). */
export type Simplifier = (text: string) => string;

export interface SuspectOptions {
  /** Enables the traditional-character check. */
  simplify?: Simplifier;
  /** Titles and headings separate phrases with a space on purpose: don't flag those gaps. */
  allowPhraseSpaces?: boolean;
  /**
   * The library's word list (`compileWordList`): its bad words are flagged, and nothing is flagged
   * inside one of its good words (so a good word holding a bad one is its exception: 现象 beside 象 => 像).
   */
  words?: WordMatcher;
}

const HAN = /\p{Script=Han}/u;
/** Han characters and full-width CJK punctuation, the context in which ASCII punctuation is wrong. */
const CJK_CONTEXT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]/u;

const FULLWIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['《', '》'],
  ['（', '）'],
  ['【', '】'],
];

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

function isCjkContext(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CONTEXT.test(ch);
}

/** The code point ending just before `i` / starting at `i` (Han characters outside the BMP are surrogate pairs). */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

function push(out: Suspect[], start: number, end: number, kind: SuspectKind, fix?: string): void {
  const s: Suspect = { start, end, kind };
  if (fix !== undefined) s.fix = fix;
  out.push(s);
}

function replacementChars(text: string, out: Suspect[]): void {
  for (const m of text.matchAll(/\uFFFD+/g)) push(out, m.index, m.index + m[0].length, 'replacement-char', '');
}

/** Runs of `!`, `%` and leader dots that PDF extraction leaves behind (with the spaces around them). */
function garbage(text: string, out: Suspect[]): void {
  const re = / *(?:!{2,}|！{3,}|%{2,}(?:\/%{2,})?|…{3,}|\.{4,}|·{3,}|．{3,}) */g;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    // Keep one space if the run separated two Latin/digit words.
    const keepSpace = /[A-Za-z0-9]/.test(text[start - 1] ?? '') && /[A-Za-z0-9]/.test(text[end] ?? '');
    push(out, start, end, 'garbage', keepSpace ? ' ' : '');
  }
}

/** `2O10年`, `l2月`: letters that look like digits inside a number next to Han text. */
function lookalikes(text: string, out: Suspect[]): void {
  for (const m of text.matchAll(/[0-9lIOo]+/g)) {
    const token = m[0];
    if (!/[0-9]/.test(token) || !/[lIOo]/.test(token)) continue;
    const start = m.index;
    const end = start + token.length;
    const before = text[start - 1];
    const after = text[end];
    // Part of a Latin word (`Hello2`): not a number.
    if (/[A-Za-z]/.test(before ?? '') || /[A-Za-z]/.test(after ?? '')) continue;
    if (!isHan(charBefore(text, start)) && !isHan(charAt(text, end))) continue;
    push(out, start, end, 'lookalike', token.replace(/[lI]/g, '1').replace(/[Oo]/g, '0'));
  }
}

/** ASCII `,:;?!()` between CJK characters, with any spaces after them (an extraction artefact). */
function halfwidthPunct(text: string, out: Suspect[]): void {
  for (const m of text.matchAll(/[,:;?!()] */g)) {
    const ch = m[0][0]!;
    const start = m.index;
    const end = start + m[0].length;
    const prev = charBefore(text, start);
    const next = charAt(text, end);
    let hit: boolean;
    if (ch === '(') hit = (prev === undefined || isCjkContext(prev)) && isHan(next);
    else if (ch === ')') hit = isHan(prev) && (next === undefined || isCjkContext(next));
    else if (ch === '?' || ch === '!') hit = isHan(prev) && (next === undefined || isCjkContext(next));
    else hit = isHan(prev) && isCjkContext(next);
    // A run like `!!` is garbage, not punctuation.
    if (hit && (text[start - 1] === ch || text[start + 1] === ch)) hit = false;
    if (hit) push(out, start, end, 'halfwidth-punct', FULLWIDTH[ch]!);
  }
}

/** Spaces between two CJK characters (Han or full-width punctuation). */
function cjkSpaces(text: string, out: Suspect[], allowPhraseSpaces: boolean): void {
  for (const m of text.matchAll(/[ \u3000\t]+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = charBefore(text, start);
    const next = charAt(text, end);
    if (!isCjkContext(prev) || !isCjkContext(next)) continue;
    if (allowPhraseSpaces && m[0] === ' ') continue;
    push(out, start, end, 'cjk-space', '');
  }
}

/** Unmatched “” 《》 （） 【】 within one paragraph (one line of `text`). */
function unbalanced(text: string, out: Suspect[]): void {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const [open, close] of PAIRS) {
      const stack: number[] = [];
      for (let i = 0; i < line.length; i++) {
        if (line[i] === open) stack.push(i);
        else if (line[i] === close) {
          if (stack.length) stack.pop();
          else push(out, lineStart + i, lineStart + i + 1, 'unbalanced');
        }
      }
      for (const i of stack) push(out, lineStart + i, lineStart + i + 1, 'unbalanced');
    }
    lineStart += line.length + 1;
  }
}

/** Han characters that the traditional→simplified converter changes. */
function traditional(text: string, out: Suspect[], simplify: Simplifier): void {
  const converted = simplify(text);
  const sameLength = converted.length === text.length;
  for (let i = 0; i < text.length;) {
    const ch = charAt(text, i)!;
    const width = ch.length;
    if (isHan(ch)) {
      const candidate = sameLength ? converted.slice(i, i + width) : simplify(ch);
      if (candidate !== ch && candidate !== '') push(out, i, i + width, 'traditional', candidate);
    }
    i += width;
  }
}

/** The listed bad words, leftmost-longest, with their replacement as the fix. */
function badWords(hits: readonly WordHit[], out: Suspect[]): void {
  for (const h of pickHits(hits, 'bad')) push(out, h.start, h.end, 'bad-word', h.word.replacement ?? undefined);
}

/**
 * Finds suspects in one block of text. Overlaps are resolved by priority (garbage and broken
 * characters first), so every character belongs to at most one suspect; the result is sorted by
 * position.
 */
export function findSuspects(text: string, opts: SuspectOptions = {}): Suspect[] {
  const hits = opts.words ? matchWords(text, opts.words) : [];
  let byPriority: Suspect[] = [];
  // The user's own list first: a listed bad word is flagged as such, whatever else it looks like.
  badWords(hits, byPriority);
  replacementChars(text, byPriority);
  garbage(text, byPriority);
  lookalikes(text, byPriority);
  halfwidthPunct(text, byPriority);
  cjkSpaces(text, byPriority, opts.allowPhraseSpaces ?? false);
  unbalanced(text, byPriority);
  if (opts.simplify) traditional(text, byPriority, opts.simplify);
  // Before overlaps are resolved: a suspect a good word hides must not hide another in turn.
  const good = hits.filter((h) => h.word.kind === 'good');
  if (good.length > 0) byPriority = byPriority.filter((s) => !good.some((g) => g.start <= s.start && s.end <= g.end));
  const kept: Suspect[] = [];
  for (const s of byPriority) {
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies the fixes of `suspects` (those that have one) to `text`. */
export function applyFixes(text: string, suspects: readonly Suspect[]): string {
  let out = text;
  for (const s of [...suspects].sort((a, b) => b.start - a.start)) {
    if (s.fix !== undefined) out = out.slice(0, s.start) + s.fix + out.slice(s.end);
  }
  return out;
}
