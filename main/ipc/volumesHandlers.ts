import type { Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import { createVolume, getVolume, listToc, listVolumes, renameVolume, setVolumeScan } from '../store/index.ts';
import type { AppContext } from '../services/context.ts';
import { attachScan, deleteVolumeAndScans } from '../services/scanService.ts';

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
      deleteVolumeAndScans(ctx, id);
      return { ok: true };
    },
    'volumes:attachScan': ({ id, fileId, offset }) => attachScan(ctx, id, fileId, offset),
    'volumes:setScanOffset': ({ id, offset }) => {
      const scan = getVolume(db, id).scan;
      if (!scan) throw new AppError('NOT_FOUND', `Volume ${id} has no scan`, { id });
      return setVolumeScan(db, id, { ...scan, offset });
    },
    'toc:list': ({ volumeId }) => listToc(db, volumeId),
  };
}
