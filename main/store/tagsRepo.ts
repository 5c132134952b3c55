import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { Tag } from '../../shared/model/entities.ts';
import { TagUsage, type CaseTagIds } from '../../shared/model/tags.ts';
import { assertCasesExist, idsParam } from './caseSets.ts';
import { notFound, parseStored, rowId } from './rows.ts';
import { withTransaction } from './transaction.ts';

function toTag(r: Record<string, unknown>): Tag {
  return parseStored(Tag, r, `tag ${String(r.id)}`);
}

/** Returns the tag named `name` (case-insensitively), creating it if needed. */
export function createTag(db: DatabaseSync, name: string): Tag {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('VALIDATION', 'A tag needs a name', { field: 'name' });
  db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(trimmed);
  return toTag(db.prepare('SELECT id, name, color FROM tags WHERE name = ?').get(trimmed) ?? {});
}

export function listTags(db: DatabaseSync): Tag[] {
  return db.prepare('SELECT id, name, color FROM tags ORDER BY name').all().map(toTag);
}

/** Every tag with the number of cases carrying it, by name (the tag manager's list). */
export function listTagUsage(db: DatabaseSync): TagUsage[] {
  return db
    .prepare(
      'SELECT t.id, t.name, t.color, (SELECT count(*) FROM case_tags ct WHERE ct.tag_id = t.id) AS cases FROM tags t ORDER BY t.name',
    )
    .all()
    .map((r) => parseStored(TagUsage, r, `tag ${String(r.id)}`));
}

function getTag(db: DatabaseSync, id: number): Tag {
  const row = db.prepare('SELECT id, name, color FROM tags WHERE id = ?').get(id);
  if (!row) throw notFound('tag', id);
  return toTag(row);
}

/** `color` is #rrggbb (validated by the contract) or '' for the default; stored lowercase. */
export function setTagColor(db: DatabaseSync, id: number, color: string): Tag {
  if (!/^(#[0-9a-f]{6})?$/i.test(color)) throw new AppError('VALIDATION', 'A colour is #rrggbb', { field: 'color' });
  const res = db.prepare('UPDATE tags SET color = ? WHERE id = ?').run(color.toLowerCase(), id);
  if (res.changes === 0) throw notFound('tag', id);
  return getTag(db, id);
}

export function renameTag(db: DatabaseSync, id: number, name: string): Tag {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('VALIDATION', 'A tag needs a name', { field: 'name' });
  try {
    const res = db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(trimmed, id);
    if (res.changes === 0) throw notFound('tag', id);
  } catch (err) {
    if ((err as { errcode?: number }).errcode === SQLITE_CONSTRAINT_UNIQUE) {
      throw new AppError('CONFLICT', `A tag named ${trimmed} already exists`, { name: trimmed });
    }
    throw err;
  }
  return toTag(db.prepare('SELECT id, name, color FROM tags WHERE id = ?').get(id) ?? {});
}

const SQLITE_CONSTRAINT_UNIQUE = 2067;

export function deleteTag(db: DatabaseSync, id: number): void {
  const res = db.prepare('DELETE FROM tags WHERE id = ?').run(id);
  if (res.changes === 0) throw notFound('tag', id);
}

/** Tags a case; tagging twice is harmless. */
export function tagCase(db: DatabaseSync, caseId: number, tagId: number): void {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw notFound('case', caseId);
  if (!db.prepare('SELECT 1 FROM tags WHERE id = ?').get(tagId)) throw notFound('tag', tagId);
  db.prepare('INSERT INTO case_tags (case_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(caseId, tagId);
}

export function untagCase(db: DatabaseSync, caseId: number, tagId: number): void {
  db.prepare('DELETE FROM case_tags WHERE case_id = ? AND tag_id = ?').run(caseId, tagId);
}

export function listCaseTags(db: DatabaseSync, caseId: number): Tag[] {
  return db
    .prepare(
      'SELECT t.id, t.name, t.color FROM tags t JOIN case_tags ct ON ct.tag_id = t.id WHERE ct.case_id = ? ORDER BY t.name',
    )
    .all(caseId)
    .map(toTag);
}

export function listTaggedCaseIds(db: DatabaseSync, tagId: number): number[] {
  return db
    .prepare('SELECT case_id AS id FROM case_tags WHERE tag_id = ? ORDER BY case_id')
    .all(tagId)
    .map((r) => rowId(r.id as number));
}

/** Which tags each case of a volume carries; untagged cases are left out. One query for the whole case table. */
export function volumeTagMap(db: DatabaseSync, volumeId: number): CaseTagIds[] {
  const rows = db
    .prepare(
      `SELECT ct.case_id AS caseId, ct.tag_id AS tagId FROM case_tags ct
         JOIN cases c ON c.id = ct.case_id JOIN tags t ON t.id = ct.tag_id
        WHERE c.volume_id = ? ORDER BY ct.case_id, t.name`,
    )
    .all(volumeId);
  const out: CaseTagIds[] = [];
  for (const r of rows) {
    const caseId = rowId(r.caseId as number);
    const last = out.at(-1);
    if (last?.caseId === caseId) last.tagIds.push(rowId(r.tagId as number));
    else out.push({ caseId, tagIds: [rowId(r.tagId as number)] });
  }
  return out;
}

/**
 * Tags every case in `ids` with the tag named `name`, creating it (with `color`, when given) if it
 * is new — all in one transaction, so an unknown case id refuses the call and leaves no new tag.
 */
export function tagCases(db: DatabaseSync, ids: readonly number[], name: string, color?: string): { tag: Tag; changed: number } {
  return withTransaction(db, () => {
    assertCasesExist(db, ids);
    const existed = db.prepare('SELECT 1 FROM tags WHERE name = ?').get(name.trim()) !== undefined;
    let tag = createTag(db, name);
    if (!existed && color) tag = setTagColor(db, tag.id, color);
    const res = db
      .prepare('INSERT OR IGNORE INTO case_tags (case_id, tag_id) SELECT value, ? FROM json_each(?)')
      .run(tag.id, idsParam(ids));
    return { tag, changed: Number(res.changes) };
  });
}

/** Takes the tag off every case in `ids`, in one transaction; an unknown case or tag refuses the call. */
export function untagCases(db: DatabaseSync, ids: readonly number[], tagId: number): { changed: number } {
  return withTransaction(db, () => {
    assertCasesExist(db, ids);
    getTag(db, tagId);
    const res = db
      .prepare('DELETE FROM case_tags WHERE tag_id = ? AND case_id IN (SELECT value FROM json_each(?))')
      .run(tagId, idsParam(ids));
    return { changed: Number(res.changes) };
  });
}
