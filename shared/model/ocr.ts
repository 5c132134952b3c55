import { z } from 'zod';

/**
 * What OCR read on one page image, kept with the page: the importer uses its line geometry, the
 * editor its character confidences (suspects) and line boxes (linking text and scan). Boxes are in
 * the pixels of the image OCR read (`width` × `height`), y growing downwards.
 */

/** [x0, y0, x1, y1] in image pixels. */
export const OcrBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type OcrBox = z.infer<typeof OcrBox>;

export const OcrLine = z.object({
  /** The line's text as OCR read it (no trailing newline). */
  text: z.string(),
  box: OcrBox,
  /** y of the baseline at the line's left end. */
  baseline: z.number(),
  /** Row height in pixels: the line's type size as OCR measured it. */
  height: z.number(),
  /** Mean confidence of the line, 0–100. */
  confidence: z.number(),
  /**
   * One entry per character of `text` that is not whitespace, in order, flattened to stay compact:
   * `[x0, y0, x1, y1, confidence, x0, y0, …]` (confidence 0–100, rounded).
   */
  chars: z.array(z.number()),
});
export type OcrLine = z.infer<typeof OcrLine>;

export const OcrPage = z.object({
  /** The image's size in pixels. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Resolution the page image was read at. */
  dpi: z.number().positive(),
  /** Skew OCR corrected before reading, in radians (boxes are in the uncorrected image). */
  rotate: z.number(),
  /** Mean confidence over the page's characters, 0–100. */
  confidence: z.number(),
  /** Lines in reading order. */
  lines: z.array(OcrLine),
  /** Engine and language data that read it (e.g. `tesseract.js 7.0.0 chi_sim 4.0.0_best_int`). */
  engine: z.string(),
});
export type OcrPage = z.infer<typeof OcrPage>;

/** Number of characters an OCR line has confidences for. */
export function ocrCharCount(line: OcrLine): number {
  return line.chars.length / 5;
}

/** The k-th character's box and confidence of an OCR line. */
export function ocrChar(line: OcrLine, k: number): { box: OcrBox; confidence: number } {
  const c = line.chars;
  const i = k * 5;
  return { box: [c[i]!, c[i + 1]!, c[i + 2]!, c[i + 3]!], confidence: c[i + 4]! };
}
