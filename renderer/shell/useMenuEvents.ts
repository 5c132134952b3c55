import { useEffect } from 'react';
import { isMenuCommand } from '../../shared/ipc/transport.ts';
import { onAppEvent } from '../api/appEvents.ts';
import { navigate } from '../useRoute.ts';
import type { CommandBus } from './commandBus.ts';

/**
 * Hears the application menu on every screen. A command the current screen does not carry out is
 * taken where it can be: library commands (new volume, import) open the library and run there;
 * export and volume-wide replace without a volume on screen say to open one first.
 */
export function useMenuEvents(commands: CommandBus, onUnhandledExport: () => void): void {
  useEffect(
    () =>
      onAppEvent('app:menu', (command) => {
        if (!isMenuCommand(command) || commands.dispatch(command)) return;
        if (command === 'newVolume' || command === 'import') {
          commands.park(command);
          navigate({ name: 'library' });
        } else if (command === 'export' || command === 'replace') {
          onUnhandledExport();
        }
      }),
    [commands, onUnhandledExport],
  );
}
