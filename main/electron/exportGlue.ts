import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { AppError } from '../../shared/ipc/errors.ts';
import { setExportPlatform } from '../export/platform.ts';
import type { PdfPrinter } from '../export/pdfPrinter.ts';

/**
 * Electron's side of exporting, kept thin: a save dialog before the job (a folder for one file per
 * case) and PDF through `webContents.printToPDF` in a hidden window that runs no script. Call
 * `installElectronExport` once the app is ready.
 */

/** The export HTML is self-contained; it is loaded from a temp file (too large for a data: URL) and deleted after. */
export function electronPdfPrinter(): PdfPrinter {
  return {
    async print(html, signal) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-pdf-'));
      const file = path.join(dir, 'export.html');
      fs.writeFileSync(file, html);
      const win = new BrowserWindow({
        show: false,
        webPreferences: { javascript: false, sandbox: true, contextIsolation: true },
      });
      const onAbort = () => win.destroy();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          generateDocumentOutline: true,
          generateTaggedPDF: true,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (err) {
        if (signal?.aborted) throw new AppError('CANCELLED', 'Export cancelled');
        throw err;
      } finally {
        signal?.removeEventListener('abort', onAbort);
        if (!win.isDestroyed()) win.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export function installElectronExport(parent: () => BrowserWindow | null): void {
  setExportPlatform({
    pdfPrinter: electronPdfPrinter,
    async chooseDestination(suggestedName, kind) {
      const win = parent();
      const defaultPath = path.join(app.getPath('documents'), suggestedName);
      if (kind === 'folder') {
        const options = { defaultPath, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] } as const;
        const r = win
          ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
          : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      }
      const ext = path.extname(suggestedName).slice(1);
      const options = { defaultPath, filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  });
}
