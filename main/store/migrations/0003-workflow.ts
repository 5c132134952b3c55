import type { DatabaseSync } from 'node:sqlite';
import { newUuid as uuidv7 } from '../uuid.ts';

export const version = 3;
export const name = 'workflow';

// Global ids (UUIDv7) beside the local integer ids: a later team sync merges two machines'
// libraries, where integer ids collide and uuids do not.
// The stage of a case is derived from its append-only event log (case_events); cases.stage is a
// cache of that derivation kept in the same transaction, for filters and indexes.
export function up(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE volumes ADD COLUMN uuid TEXT;
    ALTER TABLE cases ADD COLUMN uuid TEXT;
    ALTER TABLE case_events ADD COLUMN uuid TEXT;
    -- create | signoff | sendback | unlock | flag | unflag | move (a transition recorded before sign-offs existed)
    ALTER TABLE case_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'move';
    -- 1 when the signer also signed the previous pass and the library allowed it
    ALTER TABLE case_events ADD COLUMN relaxed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tags ADD COLUMN color TEXT NOT NULL DEFAULT '';

    CREATE TABLE library_settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- A note on a case, anchored to a block by the block's id (blocks carry ids in the document);
    -- replies point at their parent and share its anchor.
    CREATE TABLE case_notes (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      uuid        TEXT NOT NULL UNIQUE,
      case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      parent_id   INTEGER REFERENCES case_notes(id) ON DELETE CASCADE,
      block_id    TEXT,
      quote       TEXT NOT NULL DEFAULT '',
      author      TEXT NOT NULL,
      at          TEXT NOT NULL,
      body        TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT
    ) STRICT;
    CREATE INDEX case_notes_case ON case_notes(case_id, id);
  `);
  const fill = (table: string) => {
    const ids = db.prepare(`SELECT id FROM ${table} WHERE uuid IS NULL ORDER BY id`).all();
    const set = db.prepare(`UPDATE ${table} SET uuid = ? WHERE id = ?`);
    for (const r of ids) set.run(uuidv7(), Number(r.id));
  };
  fill('volumes');
  fill('cases');
  fill('case_events');
  db.exec(`
    UPDATE case_events SET kind = 'create' WHERE from_stage IS NULL;
    CREATE UNIQUE INDEX volumes_uuid ON volumes(uuid);
    CREATE UNIQUE INDEX cases_uuid ON cases(uuid);
    CREATE UNIQUE INDEX case_events_uuid ON case_events(uuid);
    CREATE INDEX case_events_at ON case_events(at);
    -- The log is append-only: an event is never edited (deleting a case still cascades).
    CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events
    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
  `);
}
