import { createContext, useContext } from 'react';
import type { PageLine } from '../../shared/proof/lineLinks.ts';

/** What the scan viewer needs to link its lines with the text (provided by the proofreading view). */
export interface ScanLineLinks {
  /** OCR's lines of the page on show; null when it has none (the viewer then reads a PDF's text runs). */
  ocrLines: readonly PageLine[] | null;
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
