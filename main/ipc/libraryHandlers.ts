import type { Handlers } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';
import type { LibraryStatus } from '../../shared/ipc/library.ts';
import { inspectLock } from '../store/index.ts';
import type { AppContext } from '../services/context.ts';

type LibraryChannels = 'library:status' | 'library:retry' | 'library:takeOver';

/**
 * The library channels while the library is open in this process. While it cannot be opened, the
 * library host answers them itself (see services/host.ts).
 */
export function libraryHandlers(ctx: AppContext): Pick<Handlers, LibraryChannels> {
  const status = (): LibraryStatus => ({ libraryPath: ctx.lib.dir, state: 'open', error: null, lock: inspectLock(ctx.lib.dir) });
  return {
    'library:status': status,
    'library:retry': status,
    'library:takeOver': () => {
      throw new AppError('CONFLICT', `Library ${ctx.lib.dir} is open here; there is no lock to take over`, {
        library: ctx.lib.dir,
        reason: 'open-here',
      });
    },
  };
}
