import type { Prefs } from '../../shared/model/prefs.ts';
import type { PrefsService } from '../services/prefs.ts';

/**
 * The same preferences service, telling `onChange` after each write. Electron uses it to rebuild the
 * menu when the page switches language through `prefs:set`.
 */
export function watchPrefs(service: PrefsService, onChange: (next: Prefs, previous: Prefs) => void): PrefsService {
  return {
    get: () => service.get(),
    set(patch) {
      const previous = service.get();
      const next = service.set(patch);
      onChange(next, previous);
      return next;
    },
  };
}
