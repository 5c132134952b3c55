import type { DatabaseSync } from 'node:sqlite';
import { docToPlainText } from '../../shared/model/caseDoc.ts';
import type { Volume } from '../../shared/model/entities.ts';
import type { ImportResult } from '../../shared/model/importResult.ts';
import { writeImport, type ImportCase, type ImportWriteHooks } from '../store/index.ts';
import { storeScans, type ScanSource } from '../scans/files.ts';
import type { ParsedImport } from './parseImportFile.ts';

/** What the user chose in the preview, plus who they are: all a commit needs besides the parse. */
export interface CommitRequest {
  title: string;
  sourceName: string;
  sourceHash: string;
  scans: ScanSource[];
  scanOffset: number;
  replaceVolumeId: number | null;
  who: string;
}

function importCases(result: ImportResult): ImportCase[] {
  const front: ImportCase[] = result.frontMatter.map((fm) => ({
    number: null,
    title: fm.title,
    organization: fm.byline ?? '',
    pageStart: fm.pageStart,
    pageEnd: fm.pageEnd,
    printedStart: null,
    printedEnd: null,
    doc: fm.doc,
    text: docToPlainText(fm.doc),
  }));
  const cases: ImportCase[] = result.cases.map((c) => ({
    number: c.number,
    title: c.title,
    organization: c.organization,
    pageStart: c.pageStart,
    pageEnd: c.pageEnd,
    printedStart: c.printedPages ? String(c.printedPages[0]) : null,
    printedEnd: c.printedPages ? String(c.printedPages[1]) : null,
    doc: c.doc,
    text: docToPlainText(c.doc),
  }));
  return [...front, ...cases];
}

/**
 * Writes a parsed import into the library: scan files first (content-addressed, so a rollback leaves
 * at most files no volume refers to), then volume, pages, contents and cases in one transaction.
 * Runs in the import worker on its own connection, or in-process for the CLI and the sample.
 */
export function writeParsedImport(
  db: DatabaseSync,
  scansDir: string,
  parsed: ParsedImport,
  req: CommitRequest,
  hooks: ImportWriteHooks = {},
): Volume {
  const scan = storeScans(scansDir, req.scans, parsed.scanPageCount, req.scanOffset);
  return writeImport(
    db,
    {
      volume: { title: req.title, sourceName: req.sourceName, sourceHash: req.sourceHash, scan },
      replaceVolumeId: req.replaceVolumeId,
      pages: parsed.result.pages.map((p) => ({
        index: p.index,
        printedLabel: p.printed === null ? null : String(p.printed),
        rawText: p.raw,
      })),
      toc: parsed.result.toc,
      cases: importCases(parsed.result),
      who: req.who,
    },
    hooks,
  );
}
