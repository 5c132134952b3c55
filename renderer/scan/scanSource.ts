import { scanHttpError } from './scanErrors.ts';

/**
 * Where the scan pane gets scan files. The app provides it: in Electron `url` gives
 * `scan://library/<file>`; in browser mode `/scans/<file>` with `headers` carrying
 * `Authorization: Bearer <token>`. A caller that must fetch bytes itself supplies `fetchScan`.
 */
export interface ScanSource {
  url(file: string): string;
  headers?: Readonly<Record<string, string>>;
  fetchScan?(file: string, signal?: AbortSignal): Promise<Uint8Array | Blob>;
}

/** The file's bytes as a Blob (for images, which `<img>` cannot fetch with headers). */
export async function fetchScanBlob(source: ScanSource, file: string, signal?: AbortSignal): Promise<Blob> {
  if (source.fetchScan) {
    const data = await source.fetchScan(file, signal);
    return data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
  }
  const res = await fetch(source.url(file), { headers: { ...source.headers }, ...(signal ? { signal } : {}) });
  if (!res.ok) throw scanHttpError(res.status, file);
  return res.blob();
}
