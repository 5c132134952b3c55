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
  /**
   * Where the source has it (a PDF's text layer, an OCR engine's lines): each line's box, parallel to
   * `lines`. Plain text has none, and the text-shape rules decide alone.
   */
  boxes?: LineBox[];
  /** The page's size in the units of `boxes` (PDF points, or image pixels for OCR). */
  size?: { width: number; height: number };
  /** The page was read by OCR (the caller knows it): its text gets the OCR rules without looking for OCR's signs. */
  ocr?: boolean;
}

/** A printed line's geometry, in page units, y growing downwards (top of page = 0). */
export interface LineBox {
  /** Left and right edge of the line's text. */
  x0: number;
  x1: number;
  /** Baseline (y of the text's foot). */
  baseline: number;
  /** Font size (em) of the line's largest run. */
  fontSize: number;
  /** All of the line's text is set in a bold or heavy face. */
  bold: boolean;
  /** Part of the line (its start) is bold: a run-in heading or lead sentence. */
  boldStart?: number;
  /** The line lies inside a drawn frame (a ruled box such as 〔组织点评〕's). */
  framed?: boolean;
}

/**
 * A line's geometry read against its page (shared/import/geometry.ts): what the rules use. Absent on
 * plain text. Column = the body text's left and right margins on that page, from the lines of body size.
 */
export interface LineGeo {
  /** Font size relative to the volume's body size (1 = body text). */
  size: number;
  bold: boolean;
  /** Left indent from the column's left edge, in ems of body size. */
  indentEm: number;
  /** Right gap to the column's right edge, in ems of body size. */
  rightGapEm: number;
  /** Centred in the column (both gaps alike and at least an em or two). */
  centred: boolean;
  /** Set flush right (no right gap, a left gap of several ems). */
  flushRight: boolean;
  /** Gap above the line, in multiples of the page's usual line pitch (1 = ordinary leading). */
  spaceAbove: number;
  /** Part of the line (its start) is bold: that many leading characters (see LineBox). */
  boldStart?: number;
  /** Inside a drawn frame (see LineBox). */
  framed?: boolean;
}

/** Reported while a long import runs; `done`/`total` are in the unit of the phase (pages, cases…). */
export interface ImportProgress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressFn = (p: ImportProgress) => void;
