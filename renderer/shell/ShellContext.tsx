import { createContext, useContext, useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/ipc/transport.ts';
import { CommandBus } from './commandBus.ts';

export interface ShellApi {
  openSettings(): void;
  /** Menu commands, carried out by whichever mounted screen registered for them. */
  commands: CommandBus;
}

export const ShellContext = createContext<ShellApi>({ openSettings: () => undefined, commands: new CommandBus() });

export function useShell(): ShellApi {
  return useContext(ShellContext);
}

/** Carries out a menu command while this component is mounted (the latest handler is always used). */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const { commands } = useShell();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => commands.register(command, () => latest.current()), [commands, command]);
}
