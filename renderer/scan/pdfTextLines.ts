import type { PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { linesFromRuns, type PageLine, type TextRun } from '../../shared/proof/lineLinks.ts';

const cache = new WeakMap<PDFPageProxy, Promise<PageLine[]>>();

/**
 * The lines of a PDF page's text layer (empty for an image scan), from pdf.js text runs, boxes in
 * fractions of the page as shown (the page's own rotation applied). Read once per page proxy.
 */
export function pdfTextLines(page: PDFPageProxy): Promise<PageLine[]> {
  let lines = cache.get(page);
  if (!lines) {
    lines = readLines(page);
    cache.set(page, lines);
  }
  return lines;
}

async function readLines(page: PDFPageProxy): Promise<PageLine[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const run = item as TextItem;
    const [, , c, d, e, f] = run.transform as number[];
    const size = Math.hypot(c!, d!) || run.height;
    const [x, y] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    runs.push({
      str: run.str,
      x: x / viewport.width,
      y: y / viewport.height,
      width: run.width / viewport.width,
      size: size / viewport.height,
      eol: run.hasEOL,
    });
  }
  return linesFromRuns(runs);
}
