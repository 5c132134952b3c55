import { z } from 'zod';
import { Id, Timestamp } from './ids.ts';

/** Bounds of a library's word list, checked at the boundary, in the store and in the text format. */
export const WORDLIST_LIMITS = {
  /** Words a library holds. */
  maxWords: 20_000,
  /** Characters (code points) of a word. */
  wordChars: 50,
  /** Characters (code points) of a bad word's replacement. */
  replacementChars: 100,
  /** Characters of an imported word list's text (20,000 lines of a long word and its replacement fit). */
  textChars: 4_000_000,
} as const;

/** Good words are never flagged; bad words always are, with their replacement as the fix when they have one. */
export const WordKind = z.enum(['good', 'bad']);
export type WordKind = z.infer<typeof WordKind>;

/** The separator of a bad word and its replacement in the text format; a word cannot hold it. */
export const REPLACEMENT_ARROW = '=>';

/** How a word is stored and matched: NFC, without surrounding white space. */
export function normalizeWord(s: string): string {
  return s.normalize('NFC').trim();
}

export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

// Controls (tabs, line breaks) and the unassigned replacement character have no place in a word.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/;

/** Why a (normalized) word cannot be stored, or null: the one check of the dialog, the store and the text format. */
export function wordProblem(word: string): 'empty' | 'too-long' | 'control' | 'arrow' | null {
  if (word === '') return 'empty';
  if (codePoints(word) > WORDLIST_LIMITS.wordChars) return 'too-long';
  if (CONTROL.test(word)) return 'control';
  if (word.includes(REPLACEMENT_ARROW)) return 'arrow';
  return null;
}

export function replacementProblem(replacement: string): 'too-long' | 'control' | null {
  if (codePoints(replacement) > WORDLIST_LIMITS.replacementChars) return 'too-long';
  if (CONTROL.test(replacement)) return 'control';
  return null;
}

/** A word as typed: normalized, then held to {@link wordProblem}. */
export const WordText = z
  .string()
  .max(WORDLIST_LIMITS.wordChars * 4)
  .transform(normalizeWord)
  .superRefine((w, ctx) => {
    const problem = wordProblem(w);
    if (problem) ctx.addIssue({ code: 'custom', message: `word: ${problem}` });
  });

/** A replacement as typed: normalized; blank means none. */
export const ReplacementText = z
  .string()
  .max(WORDLIST_LIMITS.replacementChars * 4)
  .transform(normalizeWord)
  .superRefine((r, ctx) => {
    const problem = replacementProblem(r);
    if (problem) ctx.addIssue({ code: 'custom', message: `replacement: ${problem}` });
  })
  .transform((r) => (r === '' ? null : r));

/** One entry of the list as stored. */
export const WordEntry = z.object({
  id: Id,
  /** Global id (UUIDv7): a later team sync merges two libraries' lists by it. */
  uuid: z.string(),
  word: z.string().min(1),
  kind: WordKind,
  /** Bad words only; null when the word is wrong but its correction depends on the context. */
  replacement: z.string().min(1).nullable(),
  /** Who added or last changed it, and when. */
  who: z.string(),
  at: Timestamp,
});
export type WordEntry = z.infer<typeof WordEntry>;

/** What a word list holds per word, whatever its origin (a stored entry, a line of a file). */
export interface WordSpec {
  word: string;
  kind: WordKind;
  replacement: string | null;
}

/** `words:set`: a new word, or (with `id`) an edit of the stored one, which may rename it. */
export const SetWordInput = z
  .object({
    id: Id.optional(),
    word: WordText,
    kind: WordKind,
    replacement: ReplacementText.nullable().optional(),
  })
  .transform((v) => ({ ...v, replacement: v.replacement ?? null }))
  .superRefine((v, ctx) => {
    if (v.kind === 'good' && v.replacement !== null) {
      ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'A good word takes no replacement' });
    }
  });
export type SetWordInput = z.input<typeof SetWordInput>;

/** `words:import`: a staged file (any of the encodings imports accept) or the text itself. */
export const ImportWordsInput = z.union([
  z.object({ fileId: z.string().min(1) }),
  z.object({ text: z.string().max(WORDLIST_LIMITS.textChars) }),
]);

export const WordImportResult = z.object({
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** Already listed just so, or repeated in the file. */
  skipped: z.number().int().nonnegative(),
  /** Words in the library afterwards. */
  total: z.number().int().nonnegative(),
});
export type WordImportResult = z.infer<typeof WordImportResult>;

export const WordExport = z.object({ text: z.string(), count: z.number().int().nonnegative() });
export type WordExport = z.infer<typeof WordExport>;
