/**
 * Line shapes that carry structure in these anthologies, independent of any vocabulary:
 * the `———name` attribution line (organisation, commentary signature), dates, TOC entries.
 */

// A run of dashes opening the line: em/horizontal-bar/box dashes, or OCR's 一一一 / 一-一.
// Leading U+FFFD (unmapped glyphs) do not hide the dashes, even when 'strip-fffd' is off.
const RE_DASH = /^[\s\uFFFD]*(?:[—―─━－~～-]{2,}|(?=[—―─━－一-]*[—―─━－-])[—―─━－一-]{3,}|一{3,})\s*/;

/** Whether the line opens with a dash run and has a name after it (———兰州大学团委). */
export function isDashLine(text: string): boolean {
  const m = RE_DASH.exec(text);
  return m !== null && text.length > m[0].length;
}

/** The text after the leading dash run (the organisation or signature). */
export function dashRest(text: string): string {
  const m = RE_DASH.exec(text);
  return m ? text.slice(m[0].length).trim() : text.trim();
}

// Digits as OCR may misread them in a date (1 → ] | l I).
const DATE_DIGIT = '[0-9\\]|lI]';
const RE_DATE = new RegExp(
  `^(?:\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(?:${DATE_DIGIT}{1,2}|[一二三四五六七八九十]{1,3})\\s*月(?:\\s*(?:${DATE_DIGIT}{1,2}|[一二三四五六七八九十]{1,3})\\s*日)?$`,
);

/** A date on a line of its own (2012年1月4日, 二〇一二年一月). */
export function isDateLine(text: string): boolean {
  return RE_DATE.test(text.trim());
}

/**
 * A TOC entry's first line: a number, a separator (/, %%/%%, a space…) and the title.
 * Returns the number and the title text, or null.
 */
export function parseTocEntryStart(text: string): { number: number; title: string } | null {
  const m = /^(\d{1,3})(?:\s*[/／|｜·.．、:：]\s*|\s+|(?=[\p{Script=Han}“《（]))(\S.*)$/u.exec(text.trim());
  if (!m) return null;
  return { number: Number(m[1]), title: m[2]!.trim() };
}

/** A trailing page number (after leaders were stripped): `…党总支 313` → 313. */
export function trailingPage(text: string): { rest: string; page: number } | null {
  const m = /^(.*?\S)\s*(\d{1,4})$/.exec(text.trim());
  if (!m) return null;
  return { rest: m[1]!, page: Number(m[2]) };
}
