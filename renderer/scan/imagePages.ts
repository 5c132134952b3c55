import { fetchScanBlob, type ScanSource } from './scanSource.ts';

export interface LoadedImage {
  src: string;
  width: number;
  height: number;
  /** Frees an object URL (no-op for direct URLs). */
  release(): void;
}

/**
 * Loads one image scan and waits until it is decoded, so it can replace the previous page without
 * a blank frame. Direct URLs when no headers are needed; otherwise fetched into an object URL.
 */
export async function loadImageScan(file: string, source: ScanSource, signal: AbortSignal): Promise<LoadedImage> {
  let src: string;
  let release = () => {};
  if (source.fetchScan || (source.headers && Object.keys(source.headers).length > 0)) {
    const blob = await fetchScanBlob(source, file, signal);
    src = URL.createObjectURL(blob);
    release = () => URL.revokeObjectURL(src);
  } else {
    src = source.url(file);
  }
  try {
    const img = new Image();
    img.src = src;
    await img.decode();
    if (signal.aborted) throw signal.reason;
    return { src, width: img.naturalWidth, height: img.naturalHeight, release };
  } catch (e) {
    release();
    throw e;
  }
}
