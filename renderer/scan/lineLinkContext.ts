import { createContext, useContext } from 'react';
import type { PageLine } from '../../shared/proof/lineLinks.ts';

/** What the scan viewer needs to link its lines with the text (provided by the proofreading view). */
export interface ScanLineLinks {
  /** Lines of the page on show: OCR's, else the PDF text layer's once the viewer reported them; null: none yet. */
  lines: readonly PageLine[] | null;
  /** The page has no OCR: the viewer reads its PDF text runs and reports them (`onPdfLines`). */
  wantsPdfLines: boolean;
  /** Lines outlined: those holding the block under the caret. */
  active: readonly number[];
  /** The viewer read these lines from the PDF's text layer for a scan page. */
  onPdfLines: (scanPage: number, lines: readonly PageLine[]) => void;
  /** A line of the page on show was clicked. */
  onLineClick: (line: number) => void;
}

export const LineLinkContext = createContext<ScanLineLinks | null>(null);

export function useLineLinkContext(): ScanLineLinks | null {
  return useContext(LineLinkContext);
}
