import { PRELOAD_GLOBAL, type AppEvent, type Bridge } from '../../shared/ipc/transport.ts';

/**
 * Subscribes to events main pushes (the application menu). Only Electron has them; in browser
 * mode the same commands are on the page's own buttons, so this is a no-op there.
 */
export function onAppEvent(event: AppEvent, listener: (payload: unknown) => void): () => void {
  const bridge = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBAL] as Bridge | undefined;
  if (!bridge || typeof bridge.on !== 'function') return () => undefined;
  return bridge.on(event, listener);
}
