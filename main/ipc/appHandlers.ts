import type { Handlers } from '../../shared/ipc/contract.ts';
import { libraryIsEmpty } from '../store/index.ts';
import type { AppContext } from '../services/context.ts';
import { APP_VERSION } from '../services/version.ts';

export function appHandlers(ctx: AppContext): Pick<Handlers, 'app:info' | 'prefs:get' | 'prefs:set'> {
  return {
    'app:info': () => ({
      version: APP_VERSION,
      mode: ctx.mode === 'electron' ? 'electron' : 'web',
      libraryPath: ctx.lib.dir,
      isEmpty: libraryIsEmpty(ctx.lib),
    }),
    'prefs:get': () => ctx.prefs.get(),
    'prefs:set': (patch) => ctx.prefs.set(patch),
  };
}
