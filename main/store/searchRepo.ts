import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { CaseSummary, type SearchHit } from '../../shared/model/entities.ts';
import { parseStored } from './rows.ts';

export interface SearchOptions {
  volumeId?: number;
  limit?: number;
}

/** The trigram tokenizer indexes 3-character windows, so shorter terms can never match through it. */
const TRIGRAM = 3;
const SNIPPET_BEFORE = 20;
const SNIPPET_AFTER = 40;

/**
 * Finds cases whose title, organization or text contain every whitespace-separated term. Terms of
 * 3+ characters go through the FTS5 trigram index (ranked by bm25, title weighted highest); 1–2
 * character terms are matched with instr(), which the index cannot serve.
 */
export function searchCases(db: DatabaseSync, query: string, opts: SearchOptions = {}): SearchHit[] {
  const terms = query.split(/\s+/u).filter((t) => t !== '');
  if (terms.length === 0) return [];
  const long = terms.filter((t) => [...t].length >= TRIGRAM);
  const short = terms.filter((t) => [...t].length < TRIGRAM);
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  let from = 'cases c';
  let order = 'c.volume_id, c.number IS NULL, c.number, c.id';
  if (long.length > 0) {
    from = 'cases_fts f JOIN cases c ON c.id = f.rowid';
    where.push('cases_fts MATCH ?');
    params.push(long.map(phrase).join(' AND '));
    order = 'bm25(cases_fts, 10.0, 5.0, 1.0), c.id';
  }
  for (const t of short) {
    // lower() folds ASCII only, matching what users type for Latin letters; CJK has no case.
    where.push('(instr(lower(c.title), lower(?)) OR instr(lower(c.organization), lower(?)) OR instr(lower(c.text), lower(?)))');
    params.push(t, t, t);
  }
  if (opts.volumeId !== undefined) {
    where.push('c.volume_id = ?');
    params.push(opts.volumeId);
  }
  params.push(opts.limit ?? 200);
  const rows = db
    .prepare(
      `SELECT c.id, c.volume_id AS volumeId, c.number, c.title, c.organization, c.stage, c.assignee,
         c.page_start AS pageStart, c.page_end AS pageEnd, c.printed_start AS printedStart,
         c.printed_end AS printedEnd, c.version, c.updated_at AS updatedAt, c.text
       FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
    )
    .all(...params);
  return rows.map((r) => {
    const { text, ...summary } = r;
    return { ...parseStored(CaseSummary, summary, `case ${String(r.id)}`), snippet: snippetOf(String(text), terms) };
  });
}

/** FTS5 phrase syntax: double quotes, inner quotes doubled, so user input is never parsed as operators. */
function phrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

function snippetOf(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  let at = -1;
  let len = 0;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      len = t.length;
    }
  }
  if (at < 0) return '';
  const start = Math.max(0, at - SNIPPET_BEFORE);
  const end = Math.min(text.length, at + len + SNIPPET_AFTER);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replaceAll('\n', ' ')}${end < text.length ? '…' : ''}`;
}
