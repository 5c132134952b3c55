import type { DatabaseSync } from 'node:sqlite';
import { withBlockIds } from '../../../shared/model/blockIds.ts';
import { CaseDoc } from '../../../shared/model/caseDoc.ts';

export const version = 6;
export const name = 'block-ids';

// Notes anchor to block ids; every writer gives new blocks ids, and this gives them to documents
// stored before. Written in place: same version, no revision — ids change no text, and a version
// bump would put an editor that has the case open into a CONFLICT. Old revisions stay as they
// were: restoring one fills its ids in then. A document that does not parse is left for the
// integrity checks to report.
export function up(db: DatabaseSync): void {
  const set = db.prepare('UPDATE cases SET doc = ? WHERE id = ?');
  for (const row of db.prepare('SELECT id, doc FROM cases').iterate()) {
    let parsed;
    try {
      parsed = CaseDoc.safeParse(JSON.parse(String(row.doc)));
    } catch {
      continue;
    }
    if (!parsed.success) continue;
    const doc = withBlockIds(parsed.data);
    if (doc !== parsed.data) set.run(JSON.stringify(doc), Number(row.id));
  }
}
