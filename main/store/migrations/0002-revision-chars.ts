import type { DatabaseSync } from 'node:sqlite';

export const version = 2;
export const name = 'revision-chars';

// History lists show each revision's size; storing it saves reading every revision's full text
// just to count it, and the (case_id, at) index serves the time-bucketed thinning.
export function up(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE case_revisions ADD COLUMN chars INTEGER NOT NULL DEFAULT 0;
    UPDATE case_revisions SET chars = length(text);
    CREATE INDEX case_revisions_case_at ON case_revisions(case_id, at);
  `);
}
