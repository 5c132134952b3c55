import type { Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import {
  createVolume,
  deleteVolume,
  getVolume,
  listToc,
  listVolumes,
  pruneScanFiles,
  renameVolume,
  setVolumeScan,
  storeScanFile,
} from '../store/index.ts';
import { countScanPages } from '../import/parseImportFile.ts';
import { sniffFile } from '../import/sniff.ts';
import type { AppContext } from '../services/context.ts';
import fs from 'node:fs';

type VolumeChannels =
  | 'volumes:list'
  | 'volumes:get'
  | 'volumes:create'
  | 'volumes:rename'
  | 'volumes:delete'
  | 'volumes:attachScan'
  | 'volumes:setScanOffset'
  | 'toc:list';

export function volumesHandlers(ctx: AppContext): Pick<Handlers, VolumeChannels> {
  const db = ctx.lib.db;
  return {
    'volumes:list': () => listVolumes(db),
    'volumes:get': ({ id }) => getVolume(db, id),
    'volumes:create': ({ title }) => createVolume(db, { title }),
    'volumes:rename': ({ id, title }) => renameVolume(db, id, title),
    'volumes:delete': ({ id }) => {
      deleteVolume(db, id);
      pruneScanFiles(ctx.lib);
      return { ok: true };
    },
    'volumes:attachScan': async ({ id, fileId, offset }) => {
      const staged = ctx.staging.get(fileId);
      const pageCount = await countScanPages([staged.path]);
      const kind = sniffFile(staged.path)!;
      const file = storeScanFile(ctx.lib, fs.readFileSync(staged.path), kind);
      const volume = setVolumeScan(db, id, { kind: kind === 'pdf' ? 'pdf' : 'images', files: [file], pageCount, offset });
      pruneScanFiles(ctx.lib);
      return volume;
    },
    'volumes:setScanOffset': ({ id, offset }) => {
      const scan = getVolume(db, id).scan;
      if (!scan) throw new AppError('NOT_FOUND', `Volume ${id} has no scan`, { id });
      return setVolumeScan(db, id, { ...scan, offset });
    },
    'toc:list': ({ volumeId }) => listToc(db, volumeId),
  };
}
