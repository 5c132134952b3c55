import type { Page, ScanInfo } from '../model/entities.ts';

/**
 * The 0-based scan page shown for text page `pageIndex`: the page's own pairing if set, else
 * `pageIndex + scan.offset`; null when there is no scan or the result falls outside it.
 */
export function scanPageFor(
  pageIndex: number,
  pages: readonly Pick<Page, 'index' | 'scanPage'>[],
  scan: ScanInfo | null,
): number | null {
  if (!scan) return null;
  const page = pages.find((p) => p.index === pageIndex);
  const n = page?.scanPage ?? pageIndex + scan.offset;
  return n >= 0 && n < scan.pageCount ? n : null;
}

/** The pages a case spans, from its document and its stored range, ascending and unique. */
export function casePageRange(docPages: readonly number[], pageStart: number | null, pageEnd: number | null): number[] {
  const set = new Set(docPages);
  if (pageStart !== null && pageEnd !== null && pageEnd >= pageStart && pageEnd - pageStart < 1000) {
    for (let p = pageStart; p <= pageEnd; p++) set.add(p);
  }
  return [...set].sort((a, b) => a - b);
}
