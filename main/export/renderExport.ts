import { buildDocx } from '../../shared/export/docx.ts';
import { buildEpub } from '../../shared/export/epub.ts';
import { buildExportDocument, type ExportDocument, type ExportEntry } from '../../shared/export/exportModel.ts';
import { exportFileName, numberWidth, safeFileStem, uniqueNames } from '../../shared/export/fileNames.ts';
import { documentHtml } from '../../shared/export/html.ts';
import { exportJson, exportJsonText } from '../../shared/export/json.ts';
import { documentMarkdown, entryMarkdown } from '../../shared/export/markdown.ts';
import { documentPlainText, entryPlainText } from '../../shared/export/plainText.ts';
import type { ExportFile } from '../../shared/export/zip.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { Case } from '../../shared/model/entities.ts';
import { FORMAT_INFO, type ExportRequest } from '../../shared/model/export.ts';
import type { PdfPrinter } from './pdfPrinter.ts';

/** Everything a rendering needs besides the cases: no store, no destination. */
export interface RenderContext {
  volumeTitle: string;
  generator: string;
  now: Date;
  /** `urn:uuid:…` for the EPUB. */
  identifier: string;
  printer: () => PdfPrinter;
  signal?: AbortSignal;
  progress?: (phase: string, done: number, total: number) => void;
}

export interface Rendered {
  /** One file, or one per case when split. */
  files: ExportFile[];
  split: boolean;
  /** The single file's name, or the folder's (zip's) name without extension when split. */
  name: string;
}

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Export cancelled; nothing was written');
}

/** Whether a request produces one file per case. */
export const isSplit = (req: Pick<ExportRequest, 'format' | 'split'>): boolean =>
  req.split === 'case' && FORMAT_INFO[req.format].splittable;

/** The name the export writes: a case's own (by the pattern) when it is alone, the volume's otherwise; split, the folder's. */
export function exportName(
  req: Pick<ExportRequest, 'format' | 'split' | 'fileNamePattern'>,
  volumeTitle: string,
  entries: ReadonlyArray<Pick<ExportEntry, 'id' | 'number' | 'title' | 'organization'>>,
): string {
  const ext = FORMAT_INFO[req.format].ext;
  const only = entries.length === 1 ? entries[0] : undefined;
  if (isSplit(req)) return safeFileStem(volumeTitle, 'export');
  if (only) return exportFileName(req.fileNamePattern, { ...only, volume: volumeTitle }, ext);
  return exportFileName('{volume}', { number: null, title: '', volume: volumeTitle }, ext);
}

async function single(doc: ExportDocument, req: ExportRequest, ctx: RenderContext): Promise<Uint8Array | string> {
  const layout = { preset: req.preset, pageSize: req.pageSize };
  const entries = doc.entries.length;
  switch (req.format) {
    case 'docx':
      return buildDocx(doc, {
        ...layout,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onProgress: (d, t) => ctx.progress?.('render', d, t),
      });
    case 'md':
      return documentMarkdown(doc);
    case 'txt':
      return documentPlainText(doc);
    case 'html':
      return documentHtml(doc, layout);
    case 'epub':
      return buildEpub(doc, { ...layout, identifier: ctx.identifier, modified: ctx.now });
    case 'pdf': {
      ctx.progress?.('print', 0, entries);
      const pdf = await ctx.printer().print(documentHtml(doc, layout), ctx.signal);
      ctx.progress?.('print', entries, entries);
      return pdf;
    }
    case 'json':
      throw new Error('JSON is rendered from the cases');
  }
}

async function perEntry(
  entry: ExportEntry,
  req: ExportRequest,
  volumeTitle: string,
  ctx: RenderContext,
): Promise<Uint8Array | string> {
  const doc: ExportDocument = { volumeTitle, book: false, entries: [entry] };
  switch (req.format) {
    case 'md':
      return entryMarkdown(entry);
    case 'txt':
      return entryPlainText(entry);
    default:
      return single(doc, req, { ...ctx, progress: undefined });
  }
}

/** Renders the included cases (any order; they go out in table-of-contents order) in the requested format. */
export async function renderExport(cases: readonly Case[], req: ExportRequest, ctx: RenderContext): Promise<Rendered> {
  checkCancel(ctx.signal);
  const ext = FORMAT_INFO[req.format].ext;
  if (req.format === 'json') {
    const json = exportJson(ctx.volumeTitle, cases, { generator: ctx.generator, exportedAt: ctx.now.toISOString() });
    const name = exportName(req, ctx.volumeTitle, cases);
    return { files: [{ name, data: exportJsonText(json) }], split: false, name };
  }
  const doc = buildExportDocument(ctx.volumeTitle, cases, req.scope.kind === 'volume' ? { book: true } : {});
  if (isSplit(req)) {
    const width = numberWidth(doc.entries.map((e) => e.number));
    const names = uniqueNames(
      doc.entries.map((e) => exportFileName(req.fileNamePattern, { ...e, volume: ctx.volumeTitle, numberWidth: width }, ext)),
    );
    const files: ExportFile[] = [];
    for (const [i, entry] of doc.entries.entries()) {
      checkCancel(ctx.signal);
      files.push({ name: names[i]!, data: await perEntry(entry, req, ctx.volumeTitle, ctx) });
      ctx.progress?.('render', i + 1, doc.entries.length);
    }
    return { files, split: true, name: exportName(req, ctx.volumeTitle, doc.entries) };
  }
  const name = exportName(req, ctx.volumeTitle, doc.entries);
  const data = await single(doc, req, ctx);
  checkCancel(ctx.signal);
  return { files: [{ name, data }], split: false, name };
}
