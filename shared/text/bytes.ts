/** A file size for people: `812 B`, `4.2 KB`, `37 MB` (binary multiples, one decimal under 10). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const shown = v < 10 ? v.toFixed(1) : String(Math.round(v));
  return `${shown} ${units[i]}`;
}
