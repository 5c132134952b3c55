import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import UTIF from 'utif2';
import { AppError } from '../../shared/ipc/errors.ts';
import { pdfAppError } from '../import/pdfText.ts';
import { sniffFile } from '../import/sniff.ts';
import { listImageScans } from '../scans/inspect.ts';
import { MAX_PIXELS, type PageImage } from './engine.ts';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Resolution assumed for an image that does not state one (PNG without pHYs, JPEG without density): a typical scan. */
export const DEFAULT_DPI = 300;
/** PDF pages are rendered at their scan's own resolution, within these bounds (upsampling a 150 dpi scan reads worse). */
export const MIN_RENDER_DPI = 150;
export const MAX_RENDER_DPI = 300;

/** The pages of a scan, opened: which carry a text layer, and each page's image on demand. */
export interface ScanSource {
  pageCount: number;
  /** 0-based pages with a text layer (PDF only): they keep their text and are not OCR'd. */
  textPages: ReadonlySet<number>;
  /** Page `index` (0-based) as an image; throws an AppError naming the page if it cannot be read. */
  image(index: number): Promise<PageImage>;
  close(): Promise<void>;
}

/** Opens one PDF, one or several images (a multi-page TIFF counts its pages) or a folder of images. */
export async function openScanSource(
  source: string | readonly string[],
  password?: string,
  knownTextPages?: ReadonlySet<number>,
): Promise<ScanSource> {
  const list = typeof source === 'string' ? [source] : [...source];
  const files = list.flatMap((p) => (fs.statSync(p).isDirectory() ? listImageScans(p) : [p]));
  if (files.length === 0) throw new AppError('IMPORT_EMPTY', 'No page images found');
  const kinds = files.map((f) => sniffFile(f));
  if (kinds.includes('pdf')) {
    if (files.length > 1) throw new AppError('IMPORT_SCAN_UNSUPPORTED', 'A PDF scan is read alone, not among other files');
    return openPdf(files[0]!, password, knownTextPages);
  }
  const pages: Array<() => Promise<PageImage>> = [];
  for (const [i, file] of files.entries()) {
    const kind = kinds[i];
    const name = path.basename(file);
    if (kind === 'tif') {
      const tiffPages = tiffPageCount(file);
      for (let k = 0; k < tiffPages; k++) pages.push(() => Promise.resolve(tiffPage(file, k)));
    } else if (kind === 'jpg' || kind === 'png') {
      pages.push(() => plainImage(file, kind));
    } else {
      throw new AppError('IMPORT_SCAN_UNSUPPORTED', `${name}: not a PDF or an image`, { file: name });
    }
  }
  return {
    pageCount: pages.length,
    textPages: new Set(),
    async image(index) {
      try {
        return await pages[index]!();
      } catch (err) {
        throw pageError(err, index);
      }
    },
    close: () => Promise.resolve(),
  };
}

function pageError(err: unknown, index: number): AppError {
  if (err instanceof AppError && err.details?.page !== undefined) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError('OCR_PAGE_FAILED', `Page ${index + 1} cannot be read: ${reason}`, { page: index + 1, reason });
}

// --- images ---------------------------------------------------------------------------------------

/** Size and resolution from the header: cheap, and lets a huge image be refused before it is decoded. */
export function imageInfo(bytes: Uint8Array, kind: 'jpg' | 'png'): { width: number; height: number; dpi: number } {
  return kind === 'png' ? pngInfo(bytes) : jpegInfo(bytes);
}

/**
 * A page image as it is shown. A JPEG whose EXIF Orientation turns or mirrors it (a phone photo) is
 * shown turned by the browser (`image-orientation: from-image`, so the scan viewer too) but Tesseract
 * would read its stored pixels (tesseract.js applies only big-endian EXIF): such a page is handed over
 * as shown, so that OCR reads it upright and its boxes fall where the viewer draws the page.
 */
async function plainImage(file: string, kind: 'jpg' | 'png'): Promise<PageImage> {
  const bytes = fs.readFileSync(file);
  const info = imageInfo(bytes, kind);
  const orientation = kind === 'jpg' ? jpegOrientation(bytes) : 1;
  if (orientation === 1) return { bytes, ...info };
  const turned = orientation >= 5;
  const width = turned ? info.height : info.width;
  const height = turned ? info.width : info.height;
  // Refused by the engine (OCR_IMAGE_SIZE) before anything is decoded.
  if (width < 1 || height < 1 || width * height > MAX_PIXELS) return { bytes: new Uint8Array(0), width, height, dpi: info.dpi };
  // Skia (@napi-rs/canvas) applies the EXIF orientation when it decodes, as browsers do.
  const image = await loadImage(bytes);
  if (image.width !== width || image.height !== height) {
    throw new Error(`EXIF orientation ${orientation} not applied (${image.width}×${image.height}, want ${width}×${height})`);
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { bytes: grayPgm(ctx.getImageData(0, 0, width, height).data, width, height), width, height, dpi: info.dpi };
}

/**
 * A JPEG's EXIF Orientation (1–8; 1 = as stored, 6 = turn 90° clockwise to show, 8 = anticlockwise),
 * 1 when it has none. Reads the APP1 Exif segment's first IFD, in either byte order.
 */
export function jpegOrientation(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 4 || v.getUint16(0) !== 0xffd8) return 1;
  for (let p = 2; p + 4 <= b.length;) {
    if (b[p] !== 0xff) return 1;
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    // Start of scan or a frame: the EXIF segment, if any, came before.
    if (marker === 0xda || (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) return 1;
    const len = v.getUint16(p + 2);
    const start = p + 4;
    const end = Math.min(b.length, p + 2 + len);
    if (marker === 0xe1 && end - start >= 14 && String.fromCharCode(...b.subarray(start, start + 6)) === 'Exif\0\0') {
      return exifOrientation(new DataView(b.buffer, b.byteOffset + start + 6, end - start - 6));
    }
    p += 2 + len;
  }
  return 1;
}

/** Orientation (tag 0x0112) from a TIFF-structured EXIF block; 1 when absent or unreadable. */
function exifOrientation(t: DataView): number {
  if (t.byteLength < 8) return 1;
  const order = t.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = t.getUint32(4, little);
  if (ifd + 2 > t.byteLength) return 1;
  const count = t.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > t.byteLength) return 1;
    if (t.getUint16(e, little) !== 0x0112) continue;
    const value = t.getUint16(e + 8, little);
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

function pngInfo(b: Uint8Array): { width: number; height: number; dpi: number } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 33 || v.getUint32(12) !== 0x49484452) throw new Error('not a readable PNG');
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  let dpi = DEFAULT_DPI;
  // pHYs, if any, comes before the image data.
  for (let p = 8; p + 12 <= b.length;) {
    const len = v.getUint32(p);
    const type = v.getUint32(p + 4);
    if (type === 0x49444154) break; // IDAT
    if (type === 0x70485973 && len >= 9 && b[p + 16] === 1) {
      const ppm = v.getUint32(p + 8);
      if (ppm > 0) dpi = Math.round(ppm * 0.0254);
    }
    p += 12 + len;
  }
  return { width, height, dpi };
}

function jpegInfo(b: Uint8Array): { width: number; height: number; dpi: number } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let dpi = DEFAULT_DPI;
  for (let p = 2; p + 9 < b.length;) {
    if (b[p] !== 0xff) throw new Error('not a readable JPEG');
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    const len = v.getUint16(p + 2);
    // JFIF APP0: units 1 = dots per inch, 2 = per cm.
    if (marker === 0xe0 && len >= 14 && String.fromCharCode(...b.subarray(p + 4, p + 8)) === 'JFIF') {
      const units = b[p + 11];
      const x = v.getUint16(p + 12);
      if (x > 1 && units === 1) dpi = x;
      if (x > 1 && units === 2) dpi = Math.round(x * 2.54);
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: v.getUint16(p + 5), width: v.getUint16(p + 7), dpi };
    }
    p += 2 + len;
  }
  throw new Error('not a readable JPEG');
}

// Tesseract reads only the first page of a TIFF: each page is decoded with UTIF and handed over as a PGM.
function tiffPageCount(file: string): number {
  try {
    return UTIF.decode(fs.readFileSync(file)).filter((ifd) => ifd.t256 !== undefined).length;
  } catch {
    return 1; // unreadable: one page, which fails with its page number when read
  }
}

function tiffPage(file: string, k: number): PageImage {
  const bytes = fs.readFileSync(file);
  const ifd = UTIF.decode(bytes).filter((d) => d.t256 !== undefined)[k];
  if (!ifd) throw new Error('not a readable TIFF');
  const width = Number((ifd.t256 as number[])[0]);
  const height = Number((ifd.t257 as number[])[0]);
  // XResolution is a rational, [[numerator, denominator]]; ResolutionUnit 2 = inch, 3 = cm.
  const [num, den] = (ifd.t282 as unknown as Array<[number, number]> | undefined)?.[0] ?? [0, 1];
  const res = den > 0 ? num / den : 0;
  const unit = (ifd.t296 as number[] | undefined)?.[0] ?? 2;
  let dpi = DEFAULT_DPI;
  if (res > 1 && unit !== 1) dpi = Math.round(unit === 3 ? res * 2.54 : res);
  // Size is checked (OCR_IMAGE_SIZE) by the engine; refuse here already, before decoding pixels.
  if (width < 1 || height < 1 || width * height > MAX_PIXELS) return { bytes: new Uint8Array(0), width, height, dpi };
  UTIF.decodeImage(bytes, ifd);
  return { bytes: grayPgm(UTIF.toRGBA8(ifd), width, height), width, height, dpi };
}

/**
 * RGBA pixels as a binary PGM, which Tesseract (Leptonica) reads natively: 15× cheaper than encoding a
 * PNG (0.02 s against 0.26 s of CPU for a page), and Tesseract reads grey levels anyway.
 */
export function grayPgm(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const out = pgmBuffer(width, height);
  const px = pgmPixels(out, width, height)!;
  for (let k = 0, j = 0; k < px.length; k++, j += 4) {
    // ITU-R 601 luma, on white where the pixel is transparent.
    const a = rgba[j + 3]!;
    const y = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
    px[k] = a === 255 ? y : (y * a + 255 * (255 - a)) / 255;
  }
  return out;
}

const pgmHeader = (width: number, height: number): string => `P5\n${width} ${height}\n255\n`;

/** An 8-bit PGM (which Tesseract reads natively) of `width` × `height`, its pixels to be filled in. */
export function pgmBuffer(width: number, height: number): Uint8Array {
  const header = pgmHeader(width, height);
  const out = Buffer.allocUnsafe(header.length + width * height);
  out.write(header, 'latin1');
  return out;
}

/** The grey pixels of a PGM this module made (`pgmBuffer`, `grayPgm`) for that size, or null for other bytes. */
export function pgmPixels(bytes: Uint8Array, width: number, height: number): Uint8Array | null {
  const header = pgmHeader(width, height);
  if (bytes.length !== header.length + width * height) return null;
  for (let i = 0; i < header.length; i++) if (bytes[i] !== header.charCodeAt(i)) return null;
  return bytes.subarray(header.length);
}

// --- PDF --------------------------------------------------------------------------------------------

/** `knownTextPages`: which pages have a text layer, as the caller's own reading of the PDF found (not read again). */
async function openPdf(file: string, password?: string, knownTextPages?: ReadonlySet<number>): Promise<ScanSource> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(file)), // pdf.js may detach what it is given
    ...(password !== undefined ? { password } : {}),
    wasmUrl: path.join(pdfjsDir, 'wasm') + '/', // JPX / JBIG2 decoders, read from disk
    cMapUrl: path.join(pdfjsDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + '/',
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: PDFDocumentProxy;
  const textPages = new Set<number>(knownTextPages);
  try {
    doc = await task.promise;
    for (let n = 1; !knownTextPages && n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      if (content.items.some((it) => 'str' in it && it.str.trim() !== '')) textPages.add(n - 1);
    }
  } catch (err) {
    await task.destroy();
    throw pdfAppError(err);
  }
  return {
    pageCount: doc.numPages,
    textPages,
    async image(index) {
      try {
        return await renderPdfPage(doc, index + 1);
      } catch (err) {
        throw pageError(err, index);
      }
    },
    close: () => task.destroy(),
  };
}

/** The page's scan resolution: its widest image's pixels over the page's width in inches, clamped; none → MAX_RENDER_DPI. */
async function scanDpi(page: pdfjs.PDFPageProxy): Promise<number> {
  const ops = await page.getOperatorList();
  let widest = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject) {
      const args = ops.argsArray[i] as unknown[];
      const w = typeof args[1] === 'number' ? args[1] : ((args[0] as { width?: number } | undefined)?.width ?? 0);
      widest = Math.max(widest, w);
    }
  }
  const view = page.getViewport({ scale: 1 });
  if (widest === 0) return MAX_RENDER_DPI;
  const dpi = widest / (view.width / 72);
  return Math.round(Math.min(MAX_RENDER_DPI, Math.max(MIN_RENDER_DPI, dpi)));
}

async function renderPdfPage(doc: PDFDocumentProxy, n: number): Promise<PageImage> {
  const page = await doc.getPage(n);
  try {
    const dpi = await scanDpi(page);
    const viewport = page.getViewport({ scale: dpi / 72 });
    // Rounded, not ceiled: 875.0000001 px is the 875 px scan.
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    if (width * height > MAX_PIXELS) return { bytes: new Uint8Array(0), width, height, dpi };
    const canvas = createCanvas(width, height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
    const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    return { bytes: grayPgm(pixels, width, height), width, height, dpi };
  } finally {
    page.cleanup();
  }
}
