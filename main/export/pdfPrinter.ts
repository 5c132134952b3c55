/**
 * Prints an HTML document to PDF. The export service only knows this interface: browser mode and
 * the CLI use system Chromium through playwright-core (chromiumPdf.ts), Electron its own
 * `webContents.printToPDF` (main/electron/exportPdf.ts).
 */
export interface PdfPrinter {
  /** The PDF of a self-contained HTML document, laid out by its own print CSS (`@page` size, margins, page numbers). */
  print(html: string, signal?: AbortSignal): Promise<Uint8Array>;
}
