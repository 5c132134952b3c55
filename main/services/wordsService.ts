import fs from 'node:fs';
import { AppError, inFile } from '../../shared/ipc/errors.ts';
import type { WordExport, WordImportResult } from '../../shared/model/wordList.ts';
import { WORDLIST_LIMITS } from '../../shared/model/wordList.ts';
import { WORD_LINE_PROBLEMS, formatWordList, parseWordList } from '../../shared/proof/wordList.ts';
import { decodeText } from '../import/decode.ts';
import { countWords, listWords, mergeWords } from '../store/index.ts';
import { currentUser, type AppContext } from './context.ts';

/** A word list file is small; anything much larger is not one. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Reads a word list file's text and merges it into the library's list in one transaction. Any
 * malformed line refuses the whole file (WORDLIST_FORMAT, the first bad line with its number), so a
 * half-read file never changes the list.
 */
export function importWordList(ctx: AppContext, text: string): WordImportResult {
  const parsed = parseWordList(text);
  const first = parsed.errors[0];
  if (first) {
    throw new AppError('WORDLIST_FORMAT', `Line ${first.line}: ${WORD_LINE_PROBLEMS[first.problem]}`, {
      line: first.line,
      reason: WORD_LINE_PROBLEMS[first.problem],
      problem: first.problem,
      errors: parsed.errors.slice(0, 20),
    });
  }
  const db = ctx.lib.db;
  const counts = mergeWords(db, parsed.entries, currentUser(ctx), WORDLIST_LIMITS.maxWords);
  return {
    added: counts.added,
    updated: counts.updated,
    skipped: counts.unchanged + parsed.repeated,
    total: countWords(db),
  };
}

/**
 * A word list file the user uploaded (`files:stage`): UTF-8 with or without a BOM, UTF-16, or
 * GB18030/GBK as imports detect them. The upload is let go after, whatever happens.
 */
export function importStagedWordList(ctx: AppContext, fileId: string): WordImportResult {
  const staged = ctx.staging.get(fileId);
  try {
    if (staged.size > MAX_FILE_BYTES) {
      throw new AppError('IMPORT_TOO_LARGE', `A word list file is at most ${MAX_FILE_BYTES} bytes`, {
        size: staged.size,
        max: MAX_FILE_BYTES,
      });
    }
    return importWordList(ctx, decodeText(fs.readFileSync(staged.path)).text);
  } catch (err) {
    throw inFile(err, staged.name);
  } finally {
    ctx.staging.discard(fileId);
  }
}

/** The whole list in the text format (read back by {@link importWordList}). */
export function exportWordList(ctx: AppContext): WordExport {
  const words = listWords(ctx.lib.db);
  return { text: formatWordList(words), count: words.length };
}
