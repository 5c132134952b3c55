import type { DatabaseSync } from 'node:sqlite';

export const version = 4;
export const name = 'words';

// The library's word list (good words never flagged as suspects, bad ones always, with an optional
// replacement). Words are stored NFC-normalized and trimmed by wordsRepo; the checks here are the
// last line (bounds as in shared/model/wordList.ts). The uuid lets a later team sync merge lists.
export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE words (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      uuid        TEXT NOT NULL UNIQUE,
      word        TEXT NOT NULL UNIQUE CHECK (length(word) BETWEEN 1 AND 50 AND word = trim(word)),
      kind        TEXT NOT NULL CHECK (kind IN ('good', 'bad')),
      replacement TEXT CHECK (replacement IS NULL OR (kind = 'bad' AND length(replacement) BETWEEN 1 AND 100)),
      who         TEXT NOT NULL,
      at          TEXT NOT NULL
    ) STRICT;
  `);
}
