import fs from 'node:fs';
import { AppError } from '../../shared/ipc/errors.ts';
import type { PdfPrinter } from './pdfPrinter.ts';

/** Where Debian, Ubuntu, Fedora, Arch, macOS and Windows put Chromium or Chrome; CHROMIUM_PATH comes first. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const INSTALL_CHROMIUM = 'apt-get install -y chromium fonts-noto-cjk';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The first Chromium found, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, ...CANDIDATES].filter((p): p is string => !!p);
  return (
    candidates.find((p) => {
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }) ?? null
  );
}

function noChromium(detail: string): AppError {
  return new AppError('EXPORT_NO_CHROMIUM', `PDF export needs Chromium (${detail}); install it with: ${INSTALL_CHROMIUM}`, {
    command: INSTALL_CHROMIUM,
  });
}

/**
 * Headless system Chromium driven by playwright-core (no browser download): one browser per
 * print, closed afterwards, so nothing lingers between exports. A cancel closes the browser.
 */
export function chromiumPdfPrinter(executablePath: string | null = findChromium()): PdfPrinter {
  return {
    async print(html, signal) {
      if (!executablePath) throw noChromium('none found');
      const { chromium } = await import('playwright-core');
      let browser: Awaited<ReturnType<typeof chromium.launch>>;
      try {
        browser = await chromium.launch({ executablePath, args: ARGS });
      } catch (err) {
        throw noChromium(`${executablePath} did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
      const onAbort = () => void browser.close();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (err) {
        if (signal?.aborted) throw new AppError('CANCELLED', 'Export cancelled');
        throw err;
      } finally {
        signal?.removeEventListener('abort', onAbort);
        await browser.close().catch(() => undefined);
      }
    },
  };
}
