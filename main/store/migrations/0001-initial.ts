import type { DatabaseSync } from 'node:sqlite';

export const version = 1;
export const name = 'initial';

// Ids are AUTOINCREMENT: the UI holds ids across calls, and a re-import must never hand an old
// case's id (and its version numbers) to a different case.
// Enumerated columns (stage, status, kind) carry no CHECK: SQLite cannot alter a CHECK without
// rebuilding the table, so the zod schemas validate them on write and read instead.
export function up(db: DatabaseSync): void {
  db.exec(`
    PRAGMA application_id = 1131627115; -- 'CsBk': marks the file as a Casebook library (see libraryFile.ts)
    CREATE TABLE volumes (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      title       TEXT NOT NULL,
      source_name TEXT,
      source_hash TEXT,
      scan        TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX volumes_source_hash ON volumes(source_hash);

    CREATE TABLE pages (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      volume_id     INTEGER NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
      idx           INTEGER NOT NULL,
      printed_label TEXT,
      scan_page     INTEGER,
      raw_text      TEXT NOT NULL DEFAULT '',
      status        TEXT NOT NULL DEFAULT 'unproofed',
      UNIQUE (volume_id, idx)
    ) STRICT;

    CREATE TABLE cases (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      volume_id     INTEGER NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
      number        INTEGER,
      title         TEXT NOT NULL,
      organization  TEXT NOT NULL DEFAULT '',
      stage         TEXT NOT NULL DEFAULT 'imported',
      assignee      TEXT,
      page_start    INTEGER,
      page_end      INTEGER,
      printed_start TEXT,
      printed_end   TEXT,
      doc           TEXT NOT NULL,
      text          TEXT NOT NULL,
      version       INTEGER NOT NULL DEFAULT 1,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_volume_number ON cases(volume_id, number);
    CREATE INDEX cases_volume_stage ON cases(volume_id, stage);

    CREATE TABLE case_revisions (
      id      INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      kind    TEXT NOT NULL,
      who     TEXT NOT NULL,
      at      TEXT NOT NULL,
      doc     TEXT NOT NULL,
      text    TEXT NOT NULL,
      UNIQUE (case_id, version)
    ) STRICT;

    CREATE TABLE case_events (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      from_stage TEXT,
      to_stage   TEXT NOT NULL,
      who        TEXT NOT NULL,
      at         TEXT NOT NULL,
      note       TEXT
    ) STRICT;
    CREATE INDEX case_events_case ON case_events(case_id, id);

    CREATE TABLE tags (
      id   INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE case_tags (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (case_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX case_tags_tag ON case_tags(tag_id, case_id);

    CREATE TABLE toc_entries (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      volume_id    INTEGER NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
      idx          INTEGER NOT NULL,
      number       INTEGER,
      title        TEXT,
      organization TEXT,
      page         INTEGER,
      UNIQUE (volume_id, idx)
    ) STRICT;

    -- External-content index over cases; the triggers keep it in the writing transaction.
    -- Trigram matches Chinese substrings of 3+ characters; shorter queries use instr() instead.
    CREATE VIRTUAL TABLE cases_fts USING fts5(
      title, organization, text,
      content = 'cases', content_rowid = 'id', tokenize = 'trigram'
    );
    CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
      INSERT INTO cases_fts(rowid, title, organization, text)
      VALUES (new.id, new.title, new.organization, new.text);
    END;
    CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
      INSERT INTO cases_fts(cases_fts, rowid, title, organization, text)
      VALUES ('delete', old.id, old.title, old.organization, old.text);
    END;
    CREATE TRIGGER cases_fts_update AFTER UPDATE OF title, organization, text ON cases BEGIN
      INSERT INTO cases_fts(cases_fts, rowid, title, organization, text)
      VALUES ('delete', old.id, old.title, old.organization, old.text);
      INSERT INTO cases_fts(rowid, title, organization, text)
      VALUES (new.id, new.title, new.organization, new.text);
    END;
  `);
}
