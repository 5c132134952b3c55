import { createContext, useContext } from 'react';

export interface ShellApi {
  openSettings(): void;
}

export const ShellContext = createContext<ShellApi>({ openSettings: () => undefined });

export function useShell(): ShellApi {
  return useContext(ShellContext);
}
