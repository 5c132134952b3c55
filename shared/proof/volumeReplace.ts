/**
 * Volume-wide find and replace, pure: compile a query, find its hits in a case's blocks, apply a
 * chosen subset. Hits never span blocks. Running the regex under a time budget is the caller's job
 * (main runs these in node:vm with a timeout: a JavaScript regex cannot be interrupted otherwise).
 */
import { AppError } from '../ipc/errors.ts';
import { CASE_LIMITS, type Block, type CaseDoc } from '../model/caseDoc.ts';
import { expandReplacement } from './find.ts';

export interface ReplaceOptions {
  /** The pattern is a regular expression (Unicode mode); otherwise it is literal text. */
  regex: boolean;
  caseSensitive: boolean;
}

/** One hit in one block: `[start, end)` of the block's text (UTF-16 offsets), and what replaces it. */
export interface BlockHit {
  block: number;
  start: number;
  end: number;
  match: string;
  replacement: string;
}

/** Characters of context shown on each side of a hit. */
export const CONTEXT_CHARS = 24;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The query as a global Unicode-mode RegExp (`u`: `\p{Script=Han}`, code-point classes and case
 * folding; `v` is not used because it refuses unescaped `(` `[` `-` inside classes, which editors
 * type for Chinese brackets). An invalid pattern is REGEX_INVALID with V8's reason.
 */
export function compileReplaceQuery(pattern: string, opts: ReplaceOptions): RegExp {
  if (pattern === '') throw new AppError('VALIDATION', 'The pattern is empty', { field: 'pattern' });
  const flags = opts.caseSensitive ? 'gu' : 'giu';
  try {
    return new RegExp(opts.regex ? pattern : escapeRegExp(pattern), flags);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // V8 says "Invalid regular expression: /(/gu: Unterminated group"; the reason is the last part.
    const reason = /: ([^:]+)$/.exec(message)?.[1] ?? message;
    throw new AppError('REGEX_INVALID', `Invalid regular expression: ${reason}`, { reason });
  }
}

/** Hits in one case, in document order: the first `max` in full, and how many there are in all. */
export interface CaseHits {
  hits: BlockHit[];
  total: number;
}

/**
 * Every non-empty match of `re` (global) in each block. Empty matches (`a*` between letters) are
 * skipped: matchAll steps past them, so they neither loop nor become hits. In regex mode the
 * replacement expands `$1`, `$<name>`, `$&` as String.prototype.replace does; in plain mode it is literal.
 */
export function findHits(
  doc: CaseDoc,
  re: RegExp,
  replacement: string,
  opts: Pick<ReplaceOptions, 'regex'>,
  max = Number.POSITIVE_INFINITY,
): CaseHits {
  const hits: BlockHit[] = [];
  let total = 0;
  doc.blocks.forEach((b, block) => {
    for (const m of b.text.matchAll(re)) {
      if (m[0] === '') continue;
      total++;
      if (hits.length >= max) continue;
      hits.push({
        block,
        start: m.index,
        end: m.index + m[0].length,
        match: m[0],
        replacement: opts.regex ? expandReplacement(m, b.text, replacement) : replacement,
      });
    }
  });
  return { hits, total };
}

/** A hit's id, stable for the same case version and query: what the preview shows and apply names. */
export function hitId(caseId: number, hit: Pick<BlockHit, 'block' | 'start'>): string {
  return `${caseId}:${hit.block}:${hit.start}`;
}

/** Up to `width` characters either side of a hit in its block, never splitting a surrogate pair. */
export function hitContext(text: string, start: number, end: number, width = CONTEXT_CHARS): { before: string; after: string } {
  let from = Math.max(0, start - width);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + width);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The document with the given hits replaced (hits of one block must not overlap; any order).
 * Page breaks after a hit shift by the change in length. A break strictly inside a hit moves to
 * the start of its replacement, so the replacement lies wholly on the later page (the text it
 * replaces straddled the boundary, and a replacement cannot be split by meaning). A break exactly
 * at a hit's start stays before the replacement, one at its end stays after it.
 */
export function applyHits(doc: CaseDoc, hits: readonly BlockHit[]): CaseDoc {
  const byBlock = new Map<number, BlockHit[]>();
  for (const h of hits) {
    if (!doc.blocks[h.block]) throw badHit(`block ${h.block} does not exist`);
    const list = byBlock.get(h.block) ?? [];
    list.push(h);
    byBlock.set(h.block, list);
  }
  const blocks = doc.blocks.map((b, i): Block => {
    const list = byBlock.get(i);
    if (!list) return b;
    list.sort((x, y) => x.start - y.start);
    return replaceInBlock(b, i, list);
  });
  return { ...doc, blocks };
}

function replaceInBlock(b: Block, index: number, sorted: readonly BlockHit[]): Block {
  let text = '';
  let last = 0;
  for (const h of sorted) {
    if (h.start < last || h.end <= h.start || h.end > b.text.length || b.text.slice(h.start, h.end) !== h.match) {
      throw badHit(`hit ${index}:${h.start} does not match block ${index}`);
    }
    text += b.text.slice(last, h.start) + h.replacement;
    last = h.end;
  }
  text += b.text.slice(last);
  return { ...b, text, breaks: b.breaks.map((br) => ({ ...br, at: shiftOffset(br.at, sorted) })) };
}

/** Where offset `at` of the old text lands in the new one (see {@link applyHits} for breaks inside a hit). */
export function shiftOffset(at: number, sorted: readonly Pick<BlockHit, 'start' | 'end' | 'replacement'>[]): number {
  let delta = 0;
  for (const h of sorted) {
    if (at <= h.start) break;
    if (at < h.end) return h.start + delta;
    delta += h.replacement.length - (h.end - h.start);
  }
  return at + delta;
}

function badHit(message: string): AppError {
  return new AppError('VALIDATION', `Replace: ${message}`, { field: 'hits' });
}

/**
 * The case's title and organization after a replace changed the blocks they come from, by the rule
 * the editor's save uses (the first title / organization block, trimmed and bounded; an emptied
 * title keeps the stored one). Unchanged blocks give nothing, so stored names are left alone.
 */
export function namesAfter(before: CaseDoc, after: CaseDoc): { title?: string; organization?: string } {
  const first = (doc: CaseDoc, kind: Block['kind']) => doc.blocks.find((b) => b.kind === kind)?.text;
  const out: { title?: string; organization?: string } = {};
  const title = first(after, 'title');
  if (title !== undefined && title !== first(before, 'title')) {
    const trimmed = title.trim().slice(0, CASE_LIMITS.titleChars);
    if (trimmed !== '') out.title = trimmed;
  }
  const organization = first(after, 'organization');
  if (organization !== undefined && organization !== first(before, 'organization')) {
    out.organization = organization.trim().slice(0, CASE_LIMITS.organizationChars);
  }
  return out;
}
