/**
 * A page as it enters the pure pipeline (after decoding, or after PDF text extraction): its lines in
 * reading order, plus where it started in the decoded text.
 */
export interface RawPage {
  /** 0-based page index. */
  index: number;
  /** Lines of the page, in reading order, without the page-break marker. */
  lines: string[];
  /** 0-based line of the decoded text where the page begins (for PDFs: running count of lines). */
  startLine: number;
}

/** Reported while a long import runs; `done`/`total` are in the unit of the phase (pages, cases…). */
export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressFn = (p: ImportProgress) => void;
