import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withPdf } from '../import/pdfText.ts';

export interface ScanPdfInfo {
  pageCount: number;
  /** True when some page carries a text layer (then it is not a pure image scan). */
  hasText: boolean;
}

/**
 * Page count of a scan PDF and whether it has any text. Stops reading at the first page with text, so a
 * text PDF passed by mistake costs one page. Errors as in extractPdfPages (IMPORT_PDF_BROKEN/ENCRYPTED).
 */
export async function inspectScanPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<ScanPdfInfo> {
  return withPdf(bytes, signal, async (doc) => {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      if (content.items.some((it) => 'str' in it && it.str.trim() !== '')) return { pageCount: doc.numPages, hasText: true };
    }
    return { pageCount: doc.numPages, hasText: false };
  });
}

const IMAGE = /\.(jpe?g|png|tiff?)$/i;
// Numeric-aware order, so that page-2 sorts before page-10 and case does not matter.
const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Image files of a folder of page scans (jpg/jpeg/png/tif/tiff, not hidden), as full paths in page order. */
export function listImageScans(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && IMAGE.test(e.name))
    .map((e) => e.name)
    .sort(NATURAL.compare)
    .map((name) => join(dir, name));
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/**
 * How far the scan is shifted against the text: scan page = text page index + offset.
 * - Same page count: the scan shows the same pages → 0.
 * - The scan holds just the numbered pages (as many as the printed range of the text, or printed 1 up to
 *   the text's last printed page): pairs pages by printed number.
 * - Anything else cannot be told without reading the images → 0, for the user to adjust.
 */
export function suggestScanOffset(
  textPages: readonly { index: number; printed: number | null }[],
  scanPageCount: number,
): number {
  if (scanPageCount <= 0 || textPages.length === 0 || scanPageCount === textPages.length) return 0;
  const numbered = textPages.filter((p): p is { index: number; printed: number } => p.printed !== null && p.printed >= 1);
  if (numbered.length === 0) return 0;
  const printed = numbered.map((p) => p.printed);
  const first = Math.min(...printed);
  const last = Math.max(...printed);
  // The scan's first page is the text's first printed page, or printed page 1.
  const scanStart = scanPageCount === last - first + 1 ? first : scanPageCount === last ? 1 : null;
  if (scanStart === null) return 0;
  return mostCommon(numbered.map((p) => p.printed - scanStart - p.index));
}
