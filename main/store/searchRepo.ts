import type { DatabaseSync } from 'node:sqlite';
import type { CaseSummary } from '../../shared/model/entities.ts';
import type { SearchCaseHit, SearchResult, SearchSnippet, SearchVolumeGroup } from '../../shared/model/search.ts';
import { SEARCH_LIMITS } from '../../shared/model/search.ts';
import { charLength, countOccurrences, foldAscii, queryTerms } from '../../shared/search/query.ts';
import { excerpts } from '../../shared/search/snippets.ts';
import { knownStage, listCaseSummaries } from './casesRepo.ts';
import { notFound } from './rows.ts';
import { cachedPageMap, pageAt, searchTexts, type CachedCase } from './searchCache.ts';

export interface SearchOptions {
  /** The whole query as one phrase instead of every whitespace-separated term. */
  exact?: boolean | undefined;
  volumeId?: number | undefined;
  /** A stage key of the library's list. */
  stage?: string | undefined;
  tagId?: number | undefined;
  /** Cases listed (the total counts them all). */
  limit?: number | undefined;
}

/** The trigram tokenizer indexes 3-character windows, so shorter terms can never match through it. */
const TRIGRAM = 3;
/** bm25 weights of the index's columns: title, organization, text. */
const BM25 = 'bm25(cases_fts, 10.0, 5.0, 1.0)';

interface Ranked {
  c: CachedCase;
  matches: number;
}

/**
 * Full-text search over every volume, ranked, with excerpts. Terms of 3+ characters go through the
 * FTS5 trigram index (ranked by bm25, title weighted highest; the query reaches it only as quoted
 * phrases, never as FTS syntax); 1–2 character terms, which the index cannot serve, are matched in
 * the cached case texts (see searchCache.ts), and a query of only such terms is ranked by how often
 * they occur. Title, organization and text are searched; ASCII letters match either case.
 * Unknown filters are NOT_FOUND / STAGE_UNKNOWN; a query with nothing to find, SEARCH_EMPTY_QUERY.
 */
export function searchLibrary(db: DatabaseSync, query: string, opts: SearchOptions = {}): SearchResult {
  const { terms, exact, ranked, shown } = runSearch(db, query, opts);
  const totals = new Map<number, number>();
  for (const r of ranked) totals.set(r.c.volumeId, (totals.get(r.c.volumeId) ?? 0) + 1);
  const titles = new Map(
    db
      .prepare('SELECT id, title FROM volumes')
      .all()
      .map((r) => [Number(r.id), String(r.title)]),
  );
  const groups = new Map<number, SearchVolumeGroup>();
  for (const hit of shown) {
    let g = groups.get(hit.volumeId);
    if (!g) {
      g = { volumeId: hit.volumeId, title: titles.get(hit.volumeId) ?? '', total: totals.get(hit.volumeId) ?? 0, cases: [] };
      groups.set(hit.volumeId, g);
    }
    g.cases.push(hit);
  }
  return { terms, exact, total: ranked.length, volumes: [...groups.values()] };
}

/** The listed cases of {@link searchLibrary}, best first, not grouped. */
export function searchCases(db: DatabaseSync, query: string, opts: SearchOptions = {}): SearchCaseHit[] {
  return runSearch(db, query, opts).shown;
}

function runSearch(db: DatabaseSync, query: string, opts: SearchOptions) {
  const exact = opts.exact ?? false;
  const terms = queryTerms(query, exact);
  const ranked = rankCases(db, terms, opts);
  const limit = Math.min(opts.limit ?? SEARCH_LIMITS.defaultCases, SEARCH_LIMITS.cases);
  const listed = ranked.slice(0, limit);
  const summaries = new Map(
    listCaseSummaries(
      db,
      listed.map((r) => r.c.id),
    ).map((s) => [s.id, s]),
  );
  // A case deleted by another connection since the texts were read is left out.
  const shown = listed.flatMap((r) => {
    const summary = summaries.get(r.c.id);
    return summary ? [toHit(db, r, terms, summary)] : [];
  });
  labelPages(db, shown);
  return { terms, exact, ranked, shown };
}

function rankCases(db: DatabaseSync, terms: readonly string[], opts: SearchOptions): Ranked[] {
  const allowed = filteredIds(db, opts);
  const { cases, byId } = searchTexts(db);
  const folded = terms.map(foldAscii);
  const long = terms.filter((t) => charLength(t) >= TRIGRAM);
  const short = folded.filter((t) => charLength(t) < TRIGRAM);
  let ranked: Ranked[];
  if (long.length > 0) {
    const ids = db
      .prepare(`SELECT rowid AS id FROM cases_fts WHERE cases_fts MATCH ? ORDER BY ${BM25}, rowid`)
      .all(long.map(phrase).join(' AND '))
      .map((r) => Number(r.id));
    ranked = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (!c || (allowed && !allowed.has(id))) continue;
      if (short.length > 0 && occurrences(c, short) === 0) continue;
      ranked.push({ c, matches: 0 });
    }
    // Counted for the listed cases only (see toHit): bm25 has ranked them already.
  } else {
    ranked = [];
    for (const c of cases) {
      if (allowed && !allowed.has(c.id)) continue;
      const matches = occurrences(c, short);
      if (matches > 0) ranked.push({ c, matches });
    }
    ranked.sort((a, b) => b.matches - a.matches); // stable: ties stay in volume and contents order
  }
  return ranked;
}

/** The ids the filters allow, or null without filters. Checks that each filter names something. */
function filteredIds(db: DatabaseSync, opts: SearchOptions): Set<number> | null {
  const volumeId = opts.volumeId ?? null;
  const stage = opts.stage ?? null;
  const tagId = opts.tagId ?? null;
  if (volumeId === null && stage === null && tagId === null) return null;
  if (volumeId !== null && !db.prepare('SELECT 1 FROM volumes WHERE id = ?').get(volumeId)) throw notFound('volume', volumeId);
  if (stage !== null) knownStage(db, stage);
  if (tagId !== null && !db.prepare('SELECT 1 FROM tags WHERE id = ?').get(tagId)) throw notFound('tag', tagId);
  const rows = db
    .prepare(
      `SELECT c.id FROM cases c
       WHERE (?1 IS NULL OR c.volume_id = ?1) AND (?2 IS NULL OR c.stage = ?2)
         AND (?3 IS NULL OR EXISTS (SELECT 1 FROM case_tags t WHERE t.case_id = c.id AND t.tag_id = ?3))`,
    )
    .all(volumeId, stage, tagId);
  return new Set(rows.map((r) => Number(r.id)));
}

/** FTS5 phrase syntax: double quotes, inner quotes doubled, so user input is never parsed as operators. */
function phrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * How often the terms occur in the case's text (what the editor will show), or in its title and
 * organization columns when only they hold them; 0 when a term is missing from all three.
 */
function occurrences(c: CachedCase, needles: readonly string[]): number {
  let inText = 0;
  let inColumns = 0;
  for (const n of needles) {
    const text = countOccurrences(c.foldedText, n);
    const columns = text > 0 ? 0 : countOccurrences(c.foldedTitle, n) + countOccurrences(c.foldedOrganization, n);
    if (text === 0 && columns === 0) return 0;
    inText += text;
    inColumns += columns;
  }
  return inText > 0 ? inText : inColumns;
}

function toHit(db: DatabaseSync, { c, matches }: Ranked, terms: readonly string[], summary: CaseSummary): SearchCaseHit {
  const needles = terms.map(foldAscii);
  const count = matches > 0 ? matches : occurrences(c, needles);
  let snippets: SearchSnippet[] = excerpts(c.text, c.foldedText, needles, SEARCH_LIMITS.snippetsPerCase).map((e) => ({
    field: 'text',
    ...e,
    page: null,
    printedLabel: null,
  }));
  if (snippets.length > 0) {
    const map = cachedPageMap(db, c);
    snippets = snippets.map((s) => ({ ...s, page: pageAt(map, s.offset!) }));
  } else {
    // Only the title or organization column matched (their text is not in the document).
    const field = excerpts(c.title, c.foldedTitle, needles, 1).length > 0 ? 'title' : 'organization';
    const source = field === 'title' ? c.title : c.organization;
    const folded = field === 'title' ? c.foldedTitle : c.foldedOrganization;
    snippets = excerpts(source, folded, needles, 1).map((e) => ({ field, ...e, offset: null, page: null, printedLabel: null }));
  }
  return { ...summary, matches: count, snippets };
}

/** Fills in the printed page numbers of the snippets' pages. */
function labelPages(db: DatabaseSync, hits: SearchCaseHit[]): void {
  const wanted: [number, number][] = [];
  for (const h of hits) for (const s of h.snippets) if (s.page !== null) wanted.push([h.volumeId, s.page]);
  if (wanted.length === 0) return;
  const labels = new Map<string, string | null>();
  const rows = db
    .prepare(
      `SELECT p.volume_id AS volumeId, p.idx, p.printed_label AS label
       FROM json_each(?) j JOIN pages p ON p.volume_id = j.value ->> 0 AND p.idx = j.value ->> 1`,
    )
    .all(JSON.stringify(wanted));
  for (const r of rows) labels.set(`${String(r.volumeId)}:${String(r.idx)}`, r.label === null ? null : String(r.label));
  for (const h of hits) {
    for (const s of h.snippets) if (s.page !== null) s.printedLabel = labels.get(`${h.volumeId}:${s.page}`) ?? null;
  }
}
