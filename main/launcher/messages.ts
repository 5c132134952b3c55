import type { AppErrorShape } from '../../shared/ipc/errors.ts';

/** One-line, bilingual start-up errors for the terminal (the UI is not up yet to translate them). */
export function startupErrorLine(err: AppErrorShape): string {
  const d = err.details ?? {};
  switch (err.code) {
    case 'LIBRARY_LOCKED':
      return `资料库正被另一个编校台实例使用（进程 ${String(d.pid ?? '?')}）：${String(d.library ?? '')}。请先关闭它，或用 --library 选择其他资料库。 / The library ${String(d.library ?? '')} is in use by another instance (pid ${String(d.pid ?? '?')}); close it or choose another with --library.`;
    case 'DB_TOO_NEW':
      return `资料库由更新版本的编校台创建，请升级后再打开（文件未改动）。 / The library was written by a newer version of the workbench; upgrade to open it (the file is untouched): ${String(d.file ?? d.library ?? '')}`;
    case 'DB_CORRUPT':
      return `资料库文件已损坏或不是编校台资料库（文件未改动）。 / The library file is damaged or not a workbench library (the file is untouched): ${String(d.file ?? '')}`;
    default:
      return `启动失败 / Start-up failed: ${err.message}`;
  }
}
