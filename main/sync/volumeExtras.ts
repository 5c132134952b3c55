import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';

/**
 * The rest of what a team shares about a volume besides case fields, page statuses and the log:
 * notes (a thread per block, replies, resolved or not) and tags (which case carries which, and each
 * tag's colour). They travel in the volume document as flat entries, each merged on its own:
 * - `n:<note>`: a note as written (case, parent, quote, author, time, body: never changed after);
 * - `n:<note>:blockId` | `:resolvedAt` | `:resolvedBy`: what changes of a note;
 * - `t:<case>:<tag name>`: true while the case carries the tag (false once taken off);
 * - `tc:<tag name>`: the tag's colour.
 */

export const NoteRecord = z.object({
  caseUuid: z.string(),
  parent: z.string().nullable(),
  quote: z.string(),
  author: z.string(),
  at: z.string(),
  body: z.string(),
});
export type NoteRecord = z.infer<typeof NoteRecord>;

const NOTE_FIELDS = { blockId: 'block_id', resolvedAt: 'resolved_at', resolvedBy: 'resolved_by' } as const;
type NoteField = keyof typeof NOTE_FIELDS;

const tagKey = (caseUuid: string, tag: string) => `t:${caseUuid}:${tag}`;

/** The volume's notes and tags as flat entries, read from the library's rows. */
export function extrasFromLibrary(db: DatabaseSync, volumeId: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const notes = db
    .prepare(
      `SELECT n.uuid, c.uuid AS caseUuid, p.uuid AS parent, n.block_id, n.quote, n.author, n.at, n.body,
         n.resolved_at, n.resolved_by
       FROM case_notes n JOIN cases c ON c.id = n.case_id LEFT JOIN case_notes p ON p.id = n.parent_id
       WHERE c.volume_id = ? ORDER BY n.id`,
    )
    .all(volumeId);
  for (const n of notes) {
    const uuid = String(n.uuid);
    const record: NoteRecord = {
      caseUuid: String(n.caseUuid),
      parent: n.parent === null ? null : String(n.parent),
      quote: String(n.quote),
      author: String(n.author),
      at: String(n.at),
      body: String(n.body),
    };
    out.set(`n:${uuid}`, JSON.stringify(record));
    out.set(`n:${uuid}:blockId`, n.block_id === null ? null : String(n.block_id));
    out.set(`n:${uuid}:resolvedAt`, n.resolved_at === null ? null : String(n.resolved_at));
    out.set(`n:${uuid}:resolvedBy`, n.resolved_by === null ? null : String(n.resolved_by));
  }
  const tagged = db
    .prepare(
      `SELECT c.uuid, t.name, t.color FROM case_tags ct JOIN cases c ON c.id = ct.case_id JOIN tags t ON t.id = ct.tag_id
       WHERE c.volume_id = ?`,
    )
    .all(volumeId);
  for (const r of tagged) {
    out.set(tagKey(String(r.uuid), String(r.name)), true);
    out.set(`tc:${String(r.name)}`, String(r.color));
  }
  return out;
}

/** Whether the team changed `key` since the rows and the document last agreed (see volumeSync.ts). */
export type TeamChanged = (key: string, docValue: unknown, rowValue: unknown) => boolean;

/**
 * Writes entries of the volume document into the rows (only those `changed` says to): notes the
 * library lacks are added (parents first), a note's anchor and resolution updated, tags put on or
 * taken off cases (a tag missing here is created), colours set. Returns the ids of touched cases.
 */
export function applyExtras(
  db: DatabaseSync,
  volumeId: number,
  extras: ReadonlyMap<string, unknown>,
  changed: TeamChanged,
): Set<number> {
  const touched = new Set<number>();
  const rows = extrasFromLibrary(db, volumeId);
  const caseId = (uuid: string): number | null => {
    const r = db.prepare('SELECT id FROM cases WHERE uuid = ? AND volume_id = ?').get(uuid, volumeId);
    return r ? Number(r.id) : null;
  };
  // Notes as written: threads before their replies.
  const records: [string, NoteRecord][] = [];
  for (const [key, value] of extras) {
    const m = /^n:([^:]+)$/.exec(key);
    if (!m || rows.has(key) || typeof value !== 'string') continue;
    // Another machine's entry: one that is not a note (bad JSON included) is skipped, not fatal.
    const parsed = NoteRecord.safeParse(parseJsonOrNull(value));
    if (parsed.success) records.push([m[1]!, parsed.data]);
  }
  records.sort((a, b) => Number(a[1].parent !== null) - Number(b[1].parent !== null));
  const insert = db.prepare(
    `INSERT OR IGNORE INTO case_notes (uuid, case_id, parent_id, block_id, quote, author, at, body, resolved_at, resolved_by)
     VALUES (?, ?, (SELECT id FROM case_notes WHERE uuid = ?), ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [uuid, r] of records) {
    const id = caseId(r.caseUuid);
    if (id === null) continue;
    const field = (f: NoteField) => {
      const v = extras.get(`n:${uuid}:${f}`);
      return typeof v === 'string' ? v : null;
    };
    insert.run(uuid, id, r.parent, field('blockId'), r.quote, r.author, r.at, r.body, field('resolvedAt'), field('resolvedBy'));
    for (const f of Object.keys(NOTE_FIELDS) as NoteField[]) changed(`n:${uuid}:${f}`, field(f), field(f));
    touched.add(id);
  }
  for (const [key, value] of extras) {
    const note = /^n:([^:]+):(blockId|resolvedAt|resolvedBy)$/.exec(key);
    if (note) {
      if (!rows.has(key) || !changed(key, value, rows.get(key))) continue;
      db.prepare(`UPDATE case_notes SET ${NOTE_FIELDS[note[2] as NoteField]} = ? WHERE uuid = ?`).run(
        value as string | null,
        note[1]!,
      );
      const r = db.prepare('SELECT case_id FROM case_notes WHERE uuid = ?').get(note[1]!);
      if (r) touched.add(Number(r.case_id));
      continue;
    }
    const tag = /^t:([^:]+):(.+)$/s.exec(key);
    if (tag) {
      const on = value === true;
      if (!changed(key, on, rows.get(key) === true)) continue;
      const id = caseId(tag[1]!);
      if (id === null) continue;
      if (on) {
        db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(tag[2]!);
        db.prepare('INSERT OR IGNORE INTO case_tags (case_id, tag_id) SELECT ?, id FROM tags WHERE name = ?').run(id, tag[2]!);
      } else {
        db.prepare('DELETE FROM case_tags WHERE case_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)').run(id, tag[2]!);
      }
      touched.add(id);
      continue;
    }
    const color = /^tc:(.+)$/s.exec(key);
    if (color && typeof value === 'string' && changed(key, value, rows.get(key))) {
      db.prepare('INSERT INTO tags (name, color) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET color = excluded.color').run(
        color[1]!,
        value,
      );
    }
  }
  return touched;
}

/** Tag memberships the document holds that the rows do not: a taken-off tag is sent as false. */
export function removedTags(rows: ReadonlyMap<string, unknown>, doc: ReadonlyMap<string, unknown>): string[] {
  return [...doc.keys()].filter((k) => k.startsWith('t:') && doc.get(k) === true && !rows.has(k));
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
