import type { Language } from '../../../shared/model/prefs.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole days from `iso` to `now` (0 for the future). */
export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY));
}

/** "3 分钟前", "2 hours ago", "昨天"…: the unit grows with the distance; past a month, null (show the date). */
export function relativeTime(iso: string, now: Date, language: Language): string | null {
  const ms = now.getTime() - Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (ms < MINUTE) return rtf.format(0, 'second');
  if (ms < HOUR) return rtf.format(-Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return rtf.format(-Math.floor(ms / HOUR), 'hour');
  if (ms < 30 * DAY) return rtf.format(-Math.floor(ms / DAY), 'day');
  return null;
}
