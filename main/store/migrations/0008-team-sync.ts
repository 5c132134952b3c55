import type { DatabaseSync } from 'node:sqlite';
import { newUuid } from '../uuid.ts';

export const version = 8;
export const name = 'team-sync';

// Team sync (Yjs documents merged through an office server) names documents by uuid, so pages get
// one beside volumes, cases and events (0003). The same library format serves an app and the
// office server:
// - sync_docs: a document's compacted Yjs state (name `case:<uuid>` or `vol:<uuid>`);
// - sync_updates: every Yjs update appended the moment it arrives (nothing lost on a crash),
//   folded into sync_docs by compaction;
// - sync_users: the server's users; only a hash of each token is kept;
// - sync_remote: an app's connection to a server (one row: address, user, token).
export function up(db: DatabaseSync): void {
  db.exec(`ALTER TABLE pages ADD COLUMN uuid TEXT;`);
  const ids = db.prepare('SELECT id FROM pages WHERE uuid IS NULL ORDER BY id').all();
  const set = db.prepare('UPDATE pages SET uuid = ? WHERE id = ?');
  for (const r of ids) set.run(newUuid(), Number(r.id));
  db.exec(`
    CREATE UNIQUE INDEX pages_uuid ON pages(uuid);

    -- The workflow log as a team shares it: what each event was appended after (prev, and other
    -- heads it closes as a JSON array), a hybrid logical clock stamp, the case document's Yjs
    -- snapshot when the event was made (base64; pins the signed text), and the office server's
    -- refusal (the event stays, without effect).
    ALTER TABLE case_events ADD COLUMN prev_uuid TEXT;
    ALTER TABLE case_events ADD COLUMN merges TEXT CHECK (merges IS NULL OR json_valid(merges));
    ALTER TABLE case_events ADD COLUMN hlc TEXT;
    ALTER TABLE case_events ADD COLUMN snapshot TEXT;
    ALTER TABLE case_events ADD COLUMN rejected TEXT;
    -- Still append-only, except that an event's snapshot is filled in once (when it is first shared)
    -- and the server's refusal recorded once; nothing else of an event ever changes.
    DROP TRIGGER case_events_append_only;
    CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events
    WHEN NOT (
      old.snapshot IS NULL AND new.snapshot IS NOT NULL AND old.rejected IS new.rejected
      OR old.rejected IS NULL AND new.rejected IS NOT NULL AND old.snapshot IS new.snapshot
    ) OR new.id IS NOT old.id OR new.uuid IS NOT old.uuid OR new.case_id IS NOT old.case_id
      OR new.kind IS NOT old.kind OR new.from_stage IS NOT old.from_stage OR new.to_stage IS NOT old.to_stage
      OR new.who IS NOT old.who OR new.at IS NOT old.at OR new.note IS NOT old.note OR new.relaxed IS NOT old.relaxed
      OR new.prev_uuid IS NOT old.prev_uuid OR new.merges IS NOT old.merges OR new.hlc IS NOT old.hlc
    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

    -- A case a merge changed after it was signed: shown for review with the diff since the signed
    -- snapshot, until someone clears it.
    CREATE TABLE sync_reviews (
      case_id    INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      event_uuid TEXT,
      marked_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sync_docs (
      name       TEXT PRIMARY KEY,
      state      BLOB NOT NULL,
      seeded     INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sync_updates (
      id   INTEGER PRIMARY KEY AUTOINCREMENT,
      doc  TEXT NOT NULL,
      data BLOB NOT NULL,
      at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sync_updates_doc ON sync_updates(doc, id);

    -- What changed locally since the sync client last looked, written by triggers so that every
    -- write path (save, restore, replace, re-OCR, sign-off, bulk edits) reaches the shared
    -- documents without each knowing about sync: a case whose text changed, a volume whose case
    -- fields, page statuses, workflow log, notes or tags changed. One row per thing, however many
    -- writes. (NOT EXISTS, not OR IGNORE: an upsert firing a trigger overrides the trigger's OR IGNORE.)
    CREATE TABLE sync_dirty (
      kind TEXT NOT NULL,
      id   INTEGER NOT NULL,
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER sync_dirty_case_doc AFTER UPDATE OF doc ON cases WHEN new.doc IS NOT old.doc
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'case', new.id WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'case' AND id = new.id); END;
    CREATE TRIGGER sync_dirty_case_meta AFTER UPDATE OF number, title, organization, assignee, page_start, page_end,
      printed_start, printed_end ON cases
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', new.volume_id WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'vol' AND id = new.volume_id); END;
    CREATE TRIGGER sync_dirty_case_new AFTER INSERT ON cases
    BEGIN
      INSERT INTO sync_dirty (kind, id) SELECT 'vol', new.volume_id WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'vol' AND id = new.volume_id);
      INSERT INTO sync_dirty (kind, id) SELECT 'case', new.id WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'case' AND id = new.id);
    END;
    CREATE TRIGGER sync_dirty_event AFTER INSERT ON case_events
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', volume_id FROM cases WHERE id = new.case_id AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'vol' AND d.id = volume_id); END;
    CREATE TRIGGER sync_dirty_page AFTER UPDATE OF status ON pages
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', new.volume_id WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'vol' AND id = new.volume_id); END;
    CREATE TRIGGER sync_dirty_volume AFTER UPDATE OF title ON volumes
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', new.id WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'vol' AND id = new.id); END;
    CREATE TRIGGER sync_dirty_note_new AFTER INSERT ON case_notes
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', volume_id FROM cases WHERE id = new.case_id AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'vol' AND d.id = volume_id); END;
    CREATE TRIGGER sync_dirty_note AFTER UPDATE OF block_id, resolved_at, resolved_by ON case_notes
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', volume_id FROM cases WHERE id = new.case_id AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'vol' AND d.id = volume_id); END;
    CREATE TRIGGER sync_dirty_tag_on AFTER INSERT ON case_tags
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', volume_id FROM cases WHERE id = new.case_id AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'vol' AND d.id = volume_id); END;
    CREATE TRIGGER sync_dirty_tag_off AFTER DELETE ON case_tags
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', volume_id FROM cases WHERE id = old.case_id AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'vol' AND d.id = volume_id); END;
    CREATE TRIGGER sync_dirty_tag AFTER UPDATE OF name, color ON tags
    BEGIN INSERT INTO sync_dirty (kind, id) SELECT 'vol', v.id FROM volumes v WHERE NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'vol' AND d.id = v.id); END;

    -- Per case, the version of its row that its shared document last took in (or was written from):
    -- a later local write is merged against that version's document (kept in case_revisions).
    CREATE TABLE sync_bases (
      case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      version INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sync_users (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      uuid       TEXT NOT NULL UNIQUE,
      name       TEXT NOT NULL UNIQUE,
      role       TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      revoked_at TEXT
    ) STRICT;

    CREATE TABLE sync_remote (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      url        TEXT NOT NULL,
      user_name  TEXT NOT NULL,
      token      TEXT NOT NULL,
      fingerprint TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}
