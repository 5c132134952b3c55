import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { Tag } from '../../shared/model/entities.ts';
import { notFound, parseStored, rowId } from './rows.ts';

function toTag(r: Record<string, unknown>): Tag {
  return parseStored(Tag, r, `tag ${String(r.id)}`);
}

/** Returns the tag named `name` (case-insensitively), creating it if needed. */
export function createTag(db: DatabaseSync, name: string): Tag {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('VALIDATION', 'A tag needs a name', { field: 'name' });
  db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(trimmed);
  return toTag(db.prepare('SELECT id, name FROM tags WHERE name = ?').get(trimmed) ?? {});
}

export function listTags(db: DatabaseSync): Tag[] {
  return db.prepare('SELECT id, name FROM tags ORDER BY name').all().map(toTag);
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
  return toTag(db.prepare('SELECT id, name FROM tags WHERE id = ?').get(id) ?? {});
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
    .prepare('SELECT t.id, t.name FROM tags t JOIN case_tags ct ON ct.tag_id = t.id WHERE ct.case_id = ? ORDER BY t.name')
    .all(caseId)
    .map(toTag);
}

export function listTaggedCaseIds(db: DatabaseSync, tagId: number): number[] {
  return db
    .prepare('SELECT case_id AS id FROM case_tags WHERE tag_id = ? ORDER BY case_id')
    .all(tagId)
    .map((r) => rowId(r.id as number));
}
