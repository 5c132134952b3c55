import { docToPlainText } from '../../shared/model/caseDoc.ts';
import {
  PREVIEW_SLICE_MAX,
  PREVIEW_TEXT_MAX,
  PREVIEW_UNASSIGNED_MAX,
  type ImportPreview,
  type PreviewCase,
  type PreviewFront,
  type PreviewPage,
  type PreviewSite,
  type PreviewSlice,
  type PreviewTocEntry,
} from '../../shared/model/importPreview.ts';
import type { ImportResult } from '../../shared/model/importResult.ts';
import type { ParsedImport } from './parseImportFile.ts';

/** The parse's part of the preview summary; the session adds the job, the hash, memory and the existing volume. */
export type PreviewSummary = Omit<ImportPreview, 'jobId' | 'sha256' | 'existingVolume' | 'memory'>;

export function summarize(parsed: ParsedImport): PreviewSummary {
  const r = parsed.result;
  return {
    sourceName: r.sourceName,
    encoding: r.encoding,
    counts: { pages: r.pages.length, toc: r.toc.length, cases: r.cases.length, frontMatter: r.frontMatter.length },
    warnings: r.warnings,
    changes: r.changes.map((c) => ({ rule: c.rule, count: c.count, siteCount: c.sites.length })),
    scanPageCount: parsed.scanPageCount,
    suggestedOffset: parsed.suggestedOffset,
    unassigned: unassignedSummary(r),
  };
}

/** The unassigned texts the preview lists (a few dozen at most: more are counted, not listed). */
function unassignedSummary(r: ImportResult): NonNullable<ImportPreview['unassigned']> {
  const all = r.unassigned ?? [];
  return {
    total: all.length,
    items: all.slice(0, PREVIEW_UNASSIGNED_MAX).map((u) => ({
      page: u.page,
      printed: r.pages[u.page]?.printed ?? null,
      line: u.line,
      text: clip(u.text),
      chars: u.text.length,
      reason: u.reason,
    })),
  };
}

export type SliceRequest =
  | { kind: 'pages' | 'cases' | 'toc' | 'front'; offset: number; limit: number }
  | { kind: 'changes'; rule: string; offset: number; limit: number };

export type SliceItem = PreviewPage | PreviewCase | PreviewTocEntry | PreviewFront | PreviewSite;

/** One slice of the preview's rows, with long texts clipped. */
export function previewSlice(parsed: ParsedImport, req: SliceRequest): PreviewSlice<SliceItem> {
  const r = parsed.result;
  const offset = Math.max(0, req.offset);
  const limit = Math.min(Math.max(1, req.limit), PREVIEW_SLICE_MAX);
  const take = <T, U>(all: readonly T[], map: (x: T) => U): PreviewSlice<U> => ({
    total: all.length,
    offset,
    items: all.slice(offset, offset + limit).map(map),
  });
  switch (req.kind) {
    case 'pages':
      return take(r.pages, (p) => ({
        index: p.index,
        printed: p.printed,
        startLine: p.startLine,
        chars: p.raw.length,
        text: p.raw,
      }));
    case 'cases':
      return take(r.cases, (c) => ({
        number: c.number,
        title: clip(c.title),
        organization: clip(c.organization),
        printedPages: c.printedPages,
        pageStart: c.pageStart,
        pageEnd: c.pageEnd,
        pagePrinted: printedOf(r, c.pageStart, c.pageEnd),
        chars: docToPlainText(c.doc).length,
        sections: c.sections.length,
        hasCommentary: c.commentary !== null,
        review: c.review ?? [],
      }));
    case 'toc':
      return take(r.toc, (e) => ({
        ...e,
        title: e.title === null ? null : clip(e.title),
        organization: e.organization === null ? null : clip(e.organization),
      }));
    case 'front':
      return take(r.frontMatter, (f) => ({
        kind: f.kind,
        title: clip(f.title),
        byline: f.byline === null ? null : clip(f.byline),
        date: f.date,
        paragraphs: f.paragraphs.length,
        pageStart: f.pageStart,
        pageEnd: f.pageEnd,
        pagePrinted: printedOf(r, f.pageStart, f.pageEnd),
        chars: docToPlainText(f.doc).length,
        review: f.review ?? [],
      }));
    case 'changes': {
      const sites = r.changes.find((c) => c.rule === req.rule)?.sites ?? [];
      return take(sites, (s) => ({ ...s, before: clip(s.before), after: clip(s.after) }));
    }
  }
}

function printedOf(r: ImportResult, start: number, end: number): [number | null, number | null] {
  return [r.pages[start]?.printed ?? null, r.pages[end]?.printed ?? null];
}

function clip(s: string): string {
  if (s.length <= PREVIEW_TEXT_MAX) return s;
  const high = s.charCodeAt(PREVIEW_TEXT_MAX - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? PREVIEW_TEXT_MAX - 1 : PREVIEW_TEXT_MAX;
  return `${s.slice(0, end)}…`;
}
