import { loadImage, createCanvas } from '@napi-rs/canvas';
import type { OcrBox, OcrLine, OcrPage } from '../../shared/model/ocr.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { checkImageSize, OcrEngine, type PageImage } from './engine.ts';
import { grayPgm, openScanSource, pgmBuffer, pgmPixels } from './sources.ts';

/** Clockwise quarter turn applied to a page image before OCR (a page scanned sideways or upside down). */
export type QuarterTurn = 0 | 90 | 180 | 270;

export interface PageOcrOptions {
  turn?: QuarterTurn;
  signal?: AbortSignal;
  /** `render` (the page image being made), then `ocr` 0 of 1 and 1 of 1. */
  onProgress?: (phase: 'render' | 'ocr', done: number, total: number) => void;
}

/**
 * Reads one page of a scan (PDF or images, as a volume stores it; `index` 0-based) with OCR again,
 * whether or not it has a text layer: rendered at the scan's resolution, turned if asked, deskewed.
 * Boxes are mapped back to the page as scanned, so they fit the scan pane whatever the turn.
 * Rejects with CANCELLED, OCR_NO_SCAN_PAGE (no such page), OCR_PAGE_FAILED, OCR_IMAGE_SIZE, IMPORT_PDF_*.
 */
export async function ocrScanPage(files: readonly string[], index: number, options: PageOcrOptions = {}): Promise<OcrPage> {
  const { signal, onProgress, turn = 0 } = options;
  signal?.throwIfAborted();
  onProgress?.('render', 0, 1);
  // An empty set of text pages: the PDF's text layer is not read, every page can be rendered.
  const src = await openScanSource(files, undefined, new Set());
  const engine = new OcrEngine(1);
  try {
    if (index >= src.pageCount) {
      throw new AppError('OCR_NO_SCAN_PAGE', `The scan has no page ${index + 1}`, { page: index + 1, scanPages: src.pageCount });
    }
    const image = await src.image(index);
    checkImageSize(image, index + 1);
    if (signal?.aborted) throw new AppError('CANCELLED', 'OCR cancelled');
    const turned = turn === 0 ? image : await turnImage(image, turn);
    onProgress?.('ocr', 0, 1);
    const page = await engine.recognize(turned, index + 1, signal);
    onProgress?.('ocr', 1, 1);
    return turn === 0 ? page : unturnPage(page, turn, image.width, image.height);
  } finally {
    await engine.close();
    await src.close();
  }
}

/** Grey pixels of a page image: a PGM as sources.ts makes them, or an encoded JPEG/PNG decoded to grey. */
async function grayPixels(image: PageImage): Promise<Uint8Array> {
  const { width, height } = image;
  const own = pgmPixels(image.bytes, width, height);
  if (own) return own;
  const decoded = await loadImage(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength));
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(decoded, 0, 0);
  // Transparent pixels come out on white (grayPgm), as the page would be printed.
  return pgmPixels(grayPgm(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height), width, height)!;
}

/** The image turned clockwise by `turn`, as a PGM. */
export async function turnImage(image: PageImage, turn: Exclude<QuarterTurn, 0>): Promise<PageImage> {
  const { width: w, height: h } = image;
  const src = await grayPixels(image);
  const quarter = turn !== 180;
  const tw = quarter ? h : w;
  const th = quarter ? w : h;
  const out = pgmBuffer(tw, th);
  const px = pgmPixels(out, tw, th)!;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      // The source pixel shown at (x, y) of the turned image.
      const [sx, sy] = turn === 90 ? [y, h - 1 - x] : turn === 180 ? [w - 1 - x, h - 1 - y] : [w - 1 - y, x];
      px[y * tw + x] = src[sy * w + sx]!;
    }
  }
  return { bytes: out, width: tw, height: th, dpi: image.dpi };
}

/** Maps a point of the image turned by `turn` back to the image as scanned (`w` × `h`). */
function unturnPoint(turn: Exclude<QuarterTurn, 0>, w: number, h: number, x: number, y: number): [number, number] {
  if (turn === 90) return [y, h - x];
  if (turn === 180) return [w - x, h - y];
  return [w - y, x];
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

function unturnBox(turn: Exclude<QuarterTurn, 0>, w: number, h: number, b: readonly number[]): OcrBox {
  const [ax, ay] = unturnPoint(turn, w, h, b[0]!, b[1]!);
  const [bx, by] = unturnPoint(turn, w, h, b[2]!, b[3]!);
  return [round1(Math.min(ax, bx)), round1(Math.min(ay, by)), round1(Math.max(ax, bx)), round1(Math.max(ay, by))];
}

/**
 * A reading of the turned image with its boxes in the image as scanned. The baseline becomes the y
 * of the baseline's start point mapped back (for a sideways page, where the line starts).
 */
export function unturnPage(page: OcrPage, turn: Exclude<QuarterTurn, 0>, width: number, height: number): OcrPage {
  const lines = page.lines.map((line): OcrLine => {
    const chars = line.chars.slice();
    for (let i = 0; i + 4 < chars.length; i += 5) {
      const box = unturnBox(turn, width, height, chars.slice(i, i + 4));
      chars.splice(i, 4, ...box);
    }
    return {
      ...line,
      box: unturnBox(turn, width, height, line.box),
      baseline: round1(unturnPoint(turn, width, height, line.box[0], line.baseline)[1]),
      chars,
    };
  });
  return { ...page, width, height, lines };
}
