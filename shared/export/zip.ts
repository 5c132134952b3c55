import { strToU8, zipSync, type Zippable } from 'fflate';

/** A file of an export: its path inside the folder or archive, and its bytes or text. */
export interface ExportFile {
  name: string;
  data: Uint8Array | string;
}

export const toBytes = (data: Uint8Array | string): Uint8Array => (typeof data === 'string' ? strToU8(data) : data);

/**
 * A zip archive of `files` (fflate), in the order given. `stored` names are written uncompressed
 * (EPUB's `mimetype` must be). Names use `/` between folders.
 */
export function zipFiles(files: readonly ExportFile[], options: { stored?: readonly string[]; mtime?: Date } = {}): Uint8Array {
  const entries: Zippable = {};
  const mtime = options.mtime ?? new Date();
  for (const f of files) {
    entries[f.name] = [toBytes(f.data), { level: options.stored?.includes(f.name) ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}
