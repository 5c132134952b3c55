import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import { indexPageLines, ocrPageLines, type LinePageIndex, type PageLine } from '../../../shared/proof/lineLinks.ts';
import { SELECT_TEXT_RANGE_COMMAND } from '../../editor/commands.ts';
import { $caretBlockLines, $lineTarget } from '../../editor/lineLinks.ts';
import type { ScanLineLinks } from '../../scan/lineLinkContext.ts';

const NONE: readonly number[] = [];

function sameLines(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export interface LineLinkInputs {
  editor: LexicalEditor;
  /** Page of the first block when it has no leading marker. */
  startPage: number;
  /** Text page at the caret, and the scan page showing it. */
  currentPage: number | null;
  scanPage: number | null;
  /** OCR readings of the case's pages (their lines win over a PDF's text runs). */
  ocrPages: ReadonlyMap<number, OcrPage> | null;
}

/**
 * Links the page on show with the text: the lines holding the block under the caret (recomputed
 * once a frame while the caret moves or the text changes) and a line click turned into a caret
 * move. The lines are OCR's for a page that has them, else the PDF text runs the viewer reports (only
 * then does it read them).
 */
export function useLineLinks({ editor, startPage, currentPage, scanPage, ocrPages }: LineLinkInputs): ScanLineLinks {
  const [pdf, setPdf] = useState<{ scanPage: number; lines: readonly PageLine[] } | null>(null);
  const onPdfLines = useCallback((page: number, lines: readonly PageLine[]) => {
    setPdf((old) => (old?.scanPage === page && old.lines === lines ? old : { scanPage: page, lines }));
  }, []);
  const ocrPage = currentPage === null ? undefined : ocrPages?.get(currentPage);
  const ocrLines = useMemo(() => (ocrPage ? ocrPageLines(ocrPage) : null), [ocrPage]);
  const lines = ocrLines ?? (pdf && pdf.scanPage === scanPage ? pdf.lines : null);
  const index = useMemo(() => (lines && lines.length > 0 ? indexPageLines(lines) : null), [lines]);

  // Computed for one page index: an outline of another page (or of none) is never shown.
  const [computed, setComputed] = useState<{ index: LinePageIndex; lines: readonly number[] } | null>(null);
  useEffect(() => {
    if (!index || currentPage === null) return;
    let frame = 0;
    const compute = () => {
      frame = 0;
      const next = editor.getEditorState().read(() => $caretBlockLines(startPage, currentPage, index));
      setComputed((old) => (old?.index === index && sameLines(old.lines, next) ? old : { index, lines: next }));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(compute);
    };
    schedule();
    const off = editor.registerUpdateListener(schedule);
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor, index, currentPage, startPage]);
  const active = computed && computed.index === index ? computed.lines : NONE;

  const onLineClick = useCallback(
    (line: number) => {
      if (!index || currentPage === null) return;
      const target = editor.getEditorState().read(() => $lineTarget(startPage, currentPage, index, line));
      if (!target) return;
      editor.dispatchCommand(SELECT_TEXT_RANGE_COMMAND, { block: target.block, start: target.offset, end: target.offset });
      editor.focus();
    },
    [editor, index, currentPage, startPage],
  );

  const wantsPdfLines = ocrLines === null;
  return useMemo(
    () => ({ lines, wantsPdfLines, active, onPdfLines, onLineClick }),
    [lines, wantsPdfLines, active, onPdfLines, onLineClick],
  );
}
