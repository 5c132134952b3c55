import type { DatabaseSync } from 'node:sqlite';
import { docToPlainText, type CaseDoc } from '../../shared/model/caseDoc.ts';
import type { Language } from '../../shared/model/prefs.ts';
import type { MessageKey } from '../../renderer/i18n/messages.ts';
import { tr } from '../i18n/strings.ts';
import type { Volume } from '../../shared/model/entities.ts';
import type { ImportResult, UnassignedText } from '../../shared/model/importResult.ts';
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
  /** The language of the review flags' notes (default Chinese). */
  language?: Language;
}

/**
 * The 有疑问 flag's note for an item the import flagged for review: its reasons, translated (a
 * reason without a translation as its key). Null when there is none.
 */
export function reviewNote(reasons: readonly string[] | undefined, lang: Language): string | null {
  if (!reasons || reasons.length === 0) return null;
  const named = reasons.map((r) => {
    const key = `importReview.reasons.${r}` as MessageKey;
    const text = tr(lang, key);
    return text === key ? r : text;
  });
  return tr(lang, 'importReview.flagNote', { reasons: named.join(tr(lang, 'importReview.separator')) });
}

/**
 * Text the import placed in no case or front matter: one item of its own (no number, like front
 * matter), a body block per piece on its page, flagged for review so that nobody misses it.
 */
function unassignedItem(unassigned: readonly UnassignedText[], lang: Language): ImportCase | null {
  if (unassigned.length === 0) return null;
  const doc: CaseDoc = {
    version: 1,
    blocks: unassigned.map((u) => ({
      kind: 'body' as const,
      text: u.text,
      page: u.page,
      breaks: [],
      source: { page: u.page, lineStart: u.line, lineEnd: u.line + u.text.split('\n').length - 1, raw: u.text },
    })),
  };
  // No spread: a volume may leave many pieces unassigned.
  const pageStart = unassigned.reduce((m, u) => Math.min(m, u.page), Infinity);
  const pageEnd = unassigned.reduce((m, u) => Math.max(m, u.page), 0);
  return {
    number: null,
    title: tr(lang, 'importReview.unassignedTitle'),
    organization: '',
    pageStart,
    pageEnd,
    printedStart: null,
    printedEnd: null,
    doc,
    text: docToPlainText(doc),
    flag: reviewNote(['unassigned'], lang),
  };
}

function importCases(result: ImportResult, lang: Language): ImportCase[] {
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
    flag: reviewNote(fm.review, lang),
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
    flag: reviewNote(c.review, lang),
  }));
  const unassigned = unassignedItem(result.unassigned ?? [], lang);
  return [...front, ...cases, ...(unassigned ? [unassigned] : [])];
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
  // A scan read by OCR with no other scan attached is the volume's own scan.
  const scans = req.scans.length > 0 ? req.scans : (parsed.sourceScans ?? []);
  const scan = storeScans(scansDir, scans, parsed.scanPageCount, req.scanOffset);
  return writeImport(
    db,
    {
      volume: { title: req.title, sourceName: req.sourceName, sourceHash: req.sourceHash, scan },
      replaceVolumeId: req.replaceVolumeId,
      pages: parsed.result.pages.map((p) => ({
        index: p.index,
        printedLabel: p.printed === null ? null : String(p.printed),
        rawText: p.raw,
        ocr: p.ocr ?? null,
      })),
      toc: parsed.result.toc,
      cases: importCases(parsed.result, req.language ?? 'zh-CN'),
      who: req.who,
    },
    hooks,
  );
}
