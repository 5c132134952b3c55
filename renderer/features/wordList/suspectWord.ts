import { normalizeWord, wordProblem } from '../../../shared/model/wordList.ts';
import type { SuspectKind } from '../../../shared/proof/suspects.ts';

/**
 * Kinds whose flagged text can be a word that is right here (a traditional character in a name, a
 * model number such as 2O1A): spaces, extraction leftovers, broken characters and lone brackets are
 * never words, and a punctuation mark listed as good would silence its check everywhere.
 */
const WORDABLE: ReadonlySet<SuspectKind> = new Set(['traditional', 'lookalike']);

/** The good word a suspect's "good word" button would add, or null when it has none. */
export function goodWordOf(s: { kind: SuspectKind; text: string }): string | null {
  if (!WORDABLE.has(s.kind) || s.text !== s.text.trim()) return null;
  const word = normalizeWord(s.text);
  return wordProblem(word) === null ? word : null;
}
