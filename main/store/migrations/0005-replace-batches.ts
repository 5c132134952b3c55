import type { DatabaseSync } from 'node:sqlite';

export const version = 5;
export const name = 'replace-batches';

// A volume-wide replace is one batch, undoable later. Each touched case keeps its exact stored row
// from before the batch (doc JSON, text, title, organization), not a pointer to a revision: thinning
// may drop revisions, and an undo must restore byte for byte. `version_after` is what the batch
// wrote; a case whose version moved on since was edited after the batch, and its undo is refused.
export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE replace_batches (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      uuid        TEXT NOT NULL UNIQUE,
      volume_id   INTEGER NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
      find        TEXT NOT NULL,
      replacement TEXT NOT NULL,
      -- JSON {"regex": bool, "caseSensitive": bool}
      flags       TEXT NOT NULL,
      reason      TEXT NOT NULL,
      who         TEXT NOT NULL,
      at          TEXT NOT NULL,
      hits        INTEGER NOT NULL,
      undone_at   TEXT,
      undone_by   TEXT
    ) STRICT;
    CREATE INDEX replace_batches_volume ON replace_batches(volume_id, id);

    CREATE TABLE replace_batch_cases (
      id                  INTEGER PRIMARY KEY AUTOINCREMENT,
      batch_id            INTEGER NOT NULL REFERENCES replace_batches(id) ON DELETE CASCADE,
      case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      hits                INTEGER NOT NULL,
      version_before      INTEGER NOT NULL,
      version_after       INTEGER NOT NULL,
      doc_before          TEXT NOT NULL,
      text_before         TEXT NOT NULL,
      title_before        TEXT NOT NULL,
      organization_before TEXT NOT NULL,
      UNIQUE (batch_id, case_id)
    ) STRICT;
    CREATE INDEX replace_batch_cases_case ON replace_batch_cases(case_id);
  `);
}
