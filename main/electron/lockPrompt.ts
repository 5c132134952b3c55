import type { AppErrorShape } from '../../shared/ipc/errors.ts';
import type { LockIdentity } from '../../shared/ipc/library.ts';
import { startupErrorLine } from '../launcher/messages.ts';
import { bilingual } from '../i18n/strings.ts';

export const TAKE_OVER_BUTTON = 0;
const QUIT_BUTTON = 1;

export interface LockPrompt {
  /** Options for dialog.showMessageBox. */
  box: {
    type: 'warning';
    title: string;
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
    noLink: true;
  };
  /** The lock shown, so that a different one by the time the user answers is not taken. */
  lock: LockIdentity;
}

/**
 * The native question asked at start when the library is locked by something this machine cannot
 * see running (another computer, a crashed instance): take over, or quit. Null when there is nothing
 * to offer (another error, a lock path that is a folder, or a live instance on this computer).
 */
export function lockPrompt(err: AppErrorShape | null, title: string): LockPrompt | null {
  if (err?.code !== 'LIBRARY_LOCKED') return null;
  const d = err.details ?? {};
  if (d.reason === 'lock-is-directory' || (d.sameHost === true && d.alive === true)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    box: {
      type: 'warning',
      title,
      message: bilingual('launcher.lockedTitle'),
      detail: startupErrorLine(err),
      buttons: [bilingual('launcher.takeOver'), bilingual('launcher.quit')],
      defaultId: QUIT_BUTTON,
      cancelId: QUIT_BUTTON,
      noLink: true,
    },
    lock: { pid: typeof d.pid === 'number' ? d.pid : null, hostname: text(d.hostname), startedAt: text(d.startedAt) },
  };
}
