import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { WORDLIST_LIMITS, WordEntry, type WordSpec } from '../../shared/model/wordList.ts';
import { notFound, nowIso, parseStored, rowId } from './rows.ts';
import { withTransaction } from './transaction.ts';
import { newUuid } from './uuid.ts';

const COLUMNS = 'id, uuid, word, kind, replacement, who, at';
const SQLITE_CONSTRAINT_UNIQUE = 2067;

function toEntry(r: Record<string, unknown>): WordEntry {
  return parseStored(WordEntry, r, `word ${String(r.id)}`);
}

function full(max: number, count: number): AppError {
  return new AppError('WORDLIST_FULL', `The word list holds at most ${max} words (it would hold ${count})`, { max, count });
}

/** The whole list: good words first, then bad ones, each in code-point order. */
export function listWords(db: DatabaseSync): WordEntry[] {
  return db.prepare(`SELECT ${COLUMNS} FROM words ORDER BY kind DESC, word`).all().map(toEntry);
}

export function countWords(db: DatabaseSync): number {
  return Number(db.prepare('SELECT count(*) AS n FROM words').get()?.n ?? 0);
}

function getWord(db: DatabaseSync, id: number): WordEntry {
  const row = db.prepare(`SELECT ${COLUMNS} FROM words WHERE id = ?`).get(id);
  if (!row) throw notFound('word', id);
  return toEntry(row);
}

function findWord(db: DatabaseSync, word: string): WordEntry | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM words WHERE word = ?`).get(word);
  return row ? toEntry(row) : null;
}

function same(a: WordSpec, b: WordSpec): boolean {
  return a.word === b.word && a.kind === b.kind && a.replacement === b.replacement;
}

/**
 * Adds a word, or changes the one of the same spelling; with `id`, edits that entry (which may
 * respell it: CONFLICT when the new spelling is another entry's). `spec` is normalized already (the
 * contract's schemas do it).
 */
export function setWord(
  db: DatabaseSync,
  spec: WordSpec & { id?: number | undefined },
  who: string,
  max: number = WORDLIST_LIMITS.maxWords,
): WordEntry {
  return withTransaction(db, () => {
    const current = spec.id !== undefined ? getWord(db, spec.id) : findWord(db, spec.word);
    if (current && same(current, spec)) return current;
    if (!current) {
      const count = countWords(db);
      if (count >= max) throw full(max, count + 1);
      const res = db
        .prepare('INSERT INTO words (uuid, word, kind, replacement, who, at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(newUuid(), spec.word, spec.kind, spec.replacement, who, nowIso());
      return getWord(db, rowId(res.lastInsertRowid));
    }
    try {
      db.prepare('UPDATE words SET word = ?, kind = ?, replacement = ?, who = ?, at = ? WHERE id = ?').run(
        spec.word,
        spec.kind,
        spec.replacement,
        who,
        nowIso(),
        current.id,
      );
    } catch (err) {
      if ((err as { errcode?: number }).errcode === SQLITE_CONSTRAINT_UNIQUE) {
        throw new AppError('CONFLICT', `${spec.word} is already in the word list`, { word: spec.word });
      }
      throw err;
    }
    return getWord(db, current.id);
  });
}

export function removeWord(db: DatabaseSync, id: number): void {
  const res = db.prepare('DELETE FROM words WHERE id = ?').run(id);
  if (res.changes === 0) throw notFound('word', id);
}

export interface WordMergeCounts {
  added: number;
  updated: number;
  /** Listed already just so. */
  unchanged: number;
}

/**
 * Merges words into the list in one transaction: new words are added, listed ones take the given
 * kind and replacement, and words not given are kept. WORDLIST_FULL, with nothing written, when
 * the list would hold more than `max` words.
 */
export function mergeWords(
  db: DatabaseSync,
  specs: readonly WordSpec[],
  who: string,
  max: number = WORDLIST_LIMITS.maxWords,
): WordMergeCounts {
  return withTransaction(db, () => {
    const counts: WordMergeCounts = { added: 0, updated: 0, unchanged: 0 };
    const insert = db.prepare('INSERT INTO words (uuid, word, kind, replacement, who, at) VALUES (?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE words SET kind = ?, replacement = ?, who = ?, at = ? WHERE id = ?');
    const at = nowIso();
    for (const spec of specs) {
      const current = findWord(db, spec.word);
      if (current && same(current, spec)) {
        counts.unchanged++;
      } else if (current) {
        update.run(spec.kind, spec.replacement, who, at, current.id);
        counts.updated++;
      } else {
        insert.run(newUuid(), spec.word, spec.kind, spec.replacement, who, at);
        counts.added++;
      }
    }
    // Checked once all are in (the transaction then rolls back): a file may respell nothing but add many.
    const total = countWords(db);
    if (total > max) throw full(max, total);
    return counts;
  });
}
