import type { DatabaseSync } from 'node:sqlite';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { foldAscii } from '../../shared/search/query.ts';
import { readDoc } from './rows.ts';

/** One case's searchable columns, with ASCII-folded copies (the same strings when nothing folds). */
export interface CachedCase {
  id: number;
  volumeId: number;
  title: string;
  organization: string;
  text: string;
  foldedTitle: string;
  foldedOrganization: string;
  foldedText: string;
  /** Made when first asked for (only listed hits need it). */
  pageMap?: PageMap;
}

/** Where each block starts in the plain text, and the pages it spans. */
export interface PageMap {
  starts: number[];
  blocks: Pick<CaseDoc['blocks'][number], 'page' | 'breaks'>[];
}

export interface SearchTexts {
  /** Every case, in volume and contents order (the order ties are listed in). */
  cases: CachedCase[];
  byId: Map<number, CachedCase>;
}

interface Cache extends SearchTexts {
  dataVersion: number;
  totalChanges: number;
  /** The highest case_revisions id seen. */
  revision: number;
}

// The searchable text of every case, held per connection. Reading 3 million characters out of
// SQLite takes ~50 ms (the text sits behind the document JSON in each row); scanning them in memory
// for a 1–2 character term, which the trigram index cannot serve, takes a few ms.
const caches = new WeakMap<DatabaseSync, Cache>();

/**
 * The connection's case texts, brought up to date first. Nothing is read while the library is
 * unchanged: another connection's commit moves `data_version`, this connection's own writes move
 * `total_changes()`. After a change, the list of cases is read from an index (new, moved and
 * deleted cases), and only the cases with a revision newer than the last one seen are read again:
 * every write of a case's text, title or organization records a revision (case_revisions ids only
 * grow: AUTOINCREMENT).
 */
export function searchTexts(db: DatabaseSync): SearchTexts {
  const dataVersion = Number(db.prepare('PRAGMA data_version').get()?.data_version);
  const totalChanges = Number(db.prepare('SELECT total_changes() AS n').get()?.n);
  const cached = caches.get(db);
  if (cached && cached.dataVersion === dataVersion && cached.totalChanges === totalChanges) return cached;

  const revision = Number(db.prepare('SELECT coalesce(max(id), 0) AS n FROM case_revisions').get()?.n);
  const rows = db
    .prepare('SELECT id, volume_id AS volumeId FROM cases ORDER BY volume_id, number IS NULL, number, id')
    .all()
    .map((r) => ({ id: Number(r.id), volumeId: Number(r.volumeId) }));
  const old = cached?.byId ?? new Map<number, CachedCase>();
  const revised = new Set(
    cached
      ? db
          .prepare('SELECT DISTINCT case_id AS id FROM case_revisions WHERE id > ?')
          .all(cached.revision)
          .map((r) => Number(r.id))
      : [],
  );
  const stale = rows.filter((r) => !old.has(r.id) || revised.has(r.id)).map((r) => r.id);
  const fresh = new Map<number, CachedCase>();
  if (stale.length > 0) {
    const read = db.prepare('SELECT id, title, organization, text FROM cases WHERE id IN (SELECT value FROM json_each(?))');
    for (const r of read.all(JSON.stringify(stale))) {
      const title = String(r.title);
      const organization = String(r.organization);
      const text = String(r.text);
      fresh.set(Number(r.id), {
        id: Number(r.id),
        volumeId: 0,
        title,
        organization,
        text,
        foldedTitle: foldAscii(title),
        foldedOrganization: foldAscii(organization),
        foldedText: foldAscii(text),
      });
    }
  }
  const cases: CachedCase[] = [];
  for (const { id, volumeId } of rows) {
    const c = fresh.get(id) ?? old.get(id);
    if (!c) continue; // deleted between the two reads
    c.volumeId = volumeId;
    cases.push(c);
  }
  const next: Cache = {
    dataVersion,
    totalChanges,
    revision: Math.max(revision, cached?.revision ?? 0),
    cases,
    byId: new Map(cases.map((c) => [c.id, c])),
  };
  caches.set(db, next);
  return next;
}

/** The case's block starts and pages, read from its stored document once per cached text. */
export function cachedPageMap(db: DatabaseSync, c: CachedCase): PageMap {
  if (!c.pageMap) {
    const row = db.prepare('SELECT doc FROM cases WHERE id = ?').get(c.id);
    const doc = readDoc(row?.doc, `case ${c.id} doc`);
    const starts: number[] = [];
    let at = 0;
    for (const b of doc.blocks) {
      starts.push(at);
      at += b.text.length + 1; // the plain text joins blocks with '\n'
    }
    c.pageMap = { starts, blocks: doc.blocks.map((b) => ({ page: b.page, breaks: b.breaks })) };
  }
  return c.pageMap;
}

/** The page (0-based volume index) on which the character at `offset` of the case's plain text was printed. */
export function pageAt(map: PageMap, offset: number): number | null {
  let lo = 0;
  let hi = map.starts.length - 1;
  if (hi < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const block = map.blocks[lo]!;
  const local = offset - map.starts[lo]!;
  let page = block.page;
  for (const br of block.breaks) {
    if (br.at <= local) page = br.page;
    else break;
  }
  return page;
}
