import { chromiumPdfPrinter } from './chromiumPdf.ts';
import type { PdfPrinter } from './pdfPrinter.ts';

/**
 * What exporting needs from the shell it runs in. Browser mode and the CLI use the defaults
 * (system Chromium for PDF, files offered as downloads or written where the CLI says); Electron
 * registers its own at start-up (main/electron/exportGlue.ts): `printToPDF` and a save dialog.
 */
export interface ExportPlatform {
  pdfPrinter(): PdfPrinter;
  /**
   * Asks the user where to save (Electron): a file path, or a folder for one file per case; null when
   * they closed the dialog. Absent: browser mode, where the file is downloaded instead.
   */
  chooseDestination?(suggestedName: string, kind: 'file' | 'folder'): Promise<string | null>;
}

const DEFAULT_PLATFORM: ExportPlatform = { pdfPrinter: () => chromiumPdfPrinter() };

// One per process: the Electron main process sets it once; contexts come and go with library reopens.
let current: ExportPlatform = DEFAULT_PLATFORM;

export function setExportPlatform(platform: ExportPlatform | null): void {
  current = platform ?? DEFAULT_PLATFORM;
}

export function exportPlatform(): ExportPlatform {
  return current;
}
