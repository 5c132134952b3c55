/**
 * File names for exported files, safe on Windows, macOS and Linux alike: the pattern's fields are
 * filled in, then characters Windows forbids are replaced by their full-width look-alikes (a title
 * keeps its meaning: 问答：做法／经验), control characters dropped, trailing dots and spaces removed
 * (Windows strips them silently), reserved device names (CON, NUL, COM1…) escaped, and the length
 * capped in UTF-8 bytes (macOS and Linux count bytes, 255 at most) without splitting a character.
 */

export const DEFAULT_FILE_NAME_PATTERN = '{number}-{title}';

/** The fields a pattern may use. */
export const FILE_NAME_FIELDS = ['number', 'title', 'organization', 'volume', 'id'] as const;

export interface FileNameFields {
  number: number | null;
  title: string;
  organization?: string;
  volume?: string;
  id?: number;
  /** Digits the number is padded to (a volume of 100 cases: 3, so names sort). */
  numberWidth?: number;
}

/** Whole name (stem + extension) at most this many UTF-8 bytes: below the 255 of common file systems, leaving room for a copy's " (2)". */
export const MAX_NAME_BYTES = 200;

const FULL_WIDTH: Record<string, string> = {
  '\\': '＼',
  '/': '／',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const encoder = new TextEncoder();
export const utf8Length = (s: string): number => encoder.encode(s).byteLength;

/** Cuts `s` to at most `maxBytes` UTF-8 bytes on a code point boundary. */
export function truncateUtf8(s: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const n = utf8Length(ch);
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

/** One path component made safe; `fallback` when nothing printable is left. */
export function safeFileStem(raw: string, fallback = 'untitled'): string {
  let s = raw
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .replace(/[\\/:*?"<>|]/g, (ch) => FULL_WIDTH[ch] ?? '_')
    .replace(/ {2,}/g, ' ')
    .trim()
    // A leading dot hides the file on macOS and Linux.
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (RESERVED.test(s)) s = `_${s}`;
  return s || fallback;
}

/** Fills a pattern's `{field}`s; unknown fields are kept as typed (so a typo shows in the name). */
export function fillPattern(pattern: string, f: FileNameFields): string {
  const width = f.numberWidth ?? 3;
  const values: Record<(typeof FILE_NAME_FIELDS)[number], string> = {
    number: f.number === null ? '' : String(f.number).padStart(width, '0'),
    title: f.title,
    organization: f.organization ?? '',
    volume: f.volume ?? '',
    id: f.id === undefined ? '' : String(f.id),
  };
  return pattern
    .replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as keyof typeof values] : whole))
    .replace(/^[-_ ]+|[-_ ]+$/g, '');
}

/**
 * A safe file name: `pattern` filled with `fields`, made safe, capped to {@link MAX_NAME_BYTES}
 * with the extension (`.docx`) kept whole.
 */
export function exportFileName(pattern: string, fields: FileNameFields, extension: string, maxBytes = MAX_NAME_BYTES): string {
  const ext = extension ? `.${extension.replace(/^\./, '')}` : '';
  const stem = safeFileStem(
    fillPattern(pattern || DEFAULT_FILE_NAME_PATTERN, fields),
    fields.id === undefined ? 'untitled' : `case-${fields.id}`,
  );
  const capped = safeFileStem(truncateUtf8(stem, Math.max(1, maxBytes - utf8Length(ext))), 'untitled');
  return capped + ext;
}

/** Makes names unique case-insensitively (as Windows and macOS compare them): a repeat gets " (2)", " (3)"… before its extension. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let i = 2; seen.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${ext}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Digits needed for the largest number among `numbers` (at least 3, as the book numbers its cases 001…). */
export function numberWidth(numbers: ReadonlyArray<number | null>): number {
  const max = numbers.reduce<number>((m, n) => (n === null ? m : Math.max(m, n)), 0);
  return Math.max(3, String(max).length);
}
