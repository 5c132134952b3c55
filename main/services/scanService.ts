import type { Volume } from '../../shared/model/entities.ts';
import { deleteVolume, getVolume, setVolumeScan } from '../store/index.ts';
import { countScanPages } from '../import/parseImportFile.ts';
import { pruneScanFiles, storeScans } from '../scans/files.ts';
import type { AppContext } from './context.ts';

/**
 * Attaches a staged scan (a PDF, or one image) to a volume, replacing its scan: stored the same way
 * an import stores scans, the replaced file pruned, the staged upload let go.
 */
export async function attachScan(ctx: AppContext, volumeId: number, fileId: string, offset: number): Promise<Volume> {
  const db = ctx.lib.db;
  // An unknown volume is refused before anything is written into scans/.
  getVolume(db, volumeId);
  const staged = ctx.staging.get(fileId);
  try {
    const pageCount = await countScanPages([staged.path], undefined, [staged.name]);
    const scan = storeScans(ctx.lib.scansDir, [staged], pageCount, offset);
    try {
      return setVolumeScan(db, volumeId, scan);
    } finally {
      // Drops the replaced scan, or this one if the volume went away meanwhile.
      pruneScanFiles(ctx.lib);
    }
  } finally {
    ctx.staging.discard(fileId);
  }
}

/** Deletes a volume with its pages, cases and history, and the scan files nothing refers to any more. */
export function deleteVolumeAndScans(ctx: AppContext, volumeId: number): void {
  deleteVolume(ctx.lib.db, volumeId);
  pruneScanFiles(ctx.lib);
}
