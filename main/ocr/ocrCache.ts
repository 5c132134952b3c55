import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OcrPage } from '../../shared/model/ocr.ts';
import { listImageScans } from '../scans/inspect.ts';

/**
 * Pages already read, one JSON file per page under a folder of their own, so that a cancelled or
 * crashed OCR resumes where it stopped. Each page is written atomically (tmp + rename) as soon as it is read.
 */
export class OcrCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(index: number): string {
    return path.join(this.dir, `${index + 1}.json`);
  }

  /** The page if it was read before by `engine`; anything unreadable counts as not read. */
  get(index: number, engine: string): OcrPage | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file(index), 'utf8');
    } catch {
      return null;
    }
    try {
      const page = OcrPage.safeParse(JSON.parse(text));
      return page.success && page.data.engine === engine ? page.data : null;
    } catch {
      return null;
    }
  }

  put(index: number, page: OcrPage): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file(index)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(page));
    fs.renameSync(tmp, this.file(index));
  }

  /** Forgets every page (e.g. after the import is written). */
  clear(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The cache folder of a source under `root`: named by the SHA-256 of the source's bytes (every file, in
 * order, with its size; a folder's images in page order), so the same scan staged again under another name resumes, and a changed file does not.
 */
export function ocrCacheDir(root: string, source: string | readonly string[]): string {
  const paths = typeof source === 'string' ? [source] : source;
  const files = paths.flatMap((p) => (fs.statSync(p).isDirectory() ? listImageScans(p) : [p]));
  const hash = createHash('sha256');
  for (const file of files) {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      let size = 0;
      for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; size += n) hash.update(buf.subarray(0, n));
      hash.update(`\0${size}\0`);
    } finally {
      fs.closeSync(fd);
    }
  }
  return path.join(root, hash.digest('hex'));
}
