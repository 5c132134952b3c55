import type { AppErrorShape } from '../../shared/ipc/errors.ts';
import type { Language } from '../../shared/model/prefs.ts';
import { bilingual, bothLanguages, tr } from '../i18n/strings.ts';

/** One-line, bilingual start-up errors for the terminal (the UI is not up yet to translate them). */
export function startupErrorLine(err: AppErrorShape): string {
  const d = err.details ?? {};
  switch (err.code) {
    case 'LIBRARY_LOCKED':
      return lockedLine(d);
    case 'DB_TOO_NEW':
      return bilingual('launcher.dbTooNew', { file: String(d.file ?? d.library ?? '') });
    case 'DB_CORRUPT':
      return bothLanguages((lang) => {
        const line = tr(lang, 'launcher.dbCorrupt', { file: String(d.file ?? '') });
        const hint = restoreHint(d, lang);
        return hint ? `${line} ${hint}` : line;
      });
    default:
      return bilingual('launcher.startFailed', { message: err.message });
  }
}

/** How to put a backup back, when the library folder holds any (`details.backups` from opening). */
function restoreHint(d: Record<string, unknown>, lang: Language): string {
  const n = typeof d.backups === 'number' ? d.backups : 0;
  if (n === 0) return '';
  const file = typeof d.file === 'string' ? d.file : '';
  const dir = file ? ` --library "${file.replace(/[\\/][^\\/]*$/, '')}"` : '';
  return tr(lang, 'launcher.restoreHint', {
    n,
    list: `npm run -s cli -- restore${dir}`,
    latest: `npm run -s cli -- restore --latest${dir}`,
  });
}

/** Who holds the lock (host, pid, since when, the lock file) and what to do: close it, or take over. */
function lockedLine(d: Record<string, unknown>): string {
  const library = String(d.library ?? '');
  const file = String(d.lockFile ?? '');
  if (d.reason === 'lock-is-directory') return bilingual('launcher.lockIsDirectory', { file });
  const pid = typeof d.pid === 'number' ? String(d.pid) : '?';
  const host = typeof d.hostname === 'string' ? d.hostname : '?';
  const since = typeof d.startedAt === 'string' ? localTime(d.startedAt) : '?';
  if (d.sameHost === true && d.alive === true) return bilingual('launcher.lockedRunningHere', { library, pid, since, file });
  const quiet = d.quiet === true && typeof d.heartbeatAt === 'string' ? localTime(d.heartbeatAt) : null;
  return bothLanguages((lang) => {
    const line = tr(lang, 'launcher.lockedElsewhere', { library, host, pid, since, file });
    return quiet ? `${line} ${tr(lang, 'launcher.lockQuiet', { since: quiet })}` : line;
  });
}

/** `2025-03-01 14:05` in the machine's time zone; the input as is when it is not a date. */
function localTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}`;
}
