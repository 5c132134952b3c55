import type { DatabaseSync } from 'node:sqlite';

export const version = 9;
export const name = 'sync-certificate';

// An app's connection to its server gains:
// - certificate: the `wss://` server's certificate (PEM), pinned when its user confirmed its
//   fingerprint (sync_remote.fingerprint, unused until now, holds that fingerprint);
// - role: the role the server last gave the user (editor or viewer), so a viewer's app started
//   offline is read-only before the server says so again.
export function up(db: DatabaseSync): void {
  db.exec(`
    ALTER TABLE sync_remote ADD COLUMN certificate TEXT;
    ALTER TABLE sync_remote ADD COLUMN role TEXT CHECK (role IN ('editor', 'viewer'));
  `);
}
