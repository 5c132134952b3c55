export interface CharCounts {
  /** Characters other than whitespace (what an editor calls 字数). */
  chars: number;
  /** Han characters only. */
  han: number;
  /** Paragraphs (non-empty lines). */
  paragraphs: number;
}

/** Counts by code point, so characters outside the BMP count once. */
export function countChars(text: string): CharCounts {
  let chars = 0;
  let han = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    chars++;
    if (/\p{Script=Han}/u.test(ch)) han++;
  }
  const paragraphs = text.split('\n').filter((l) => l.trim() !== '').length;
  return { chars, han, paragraphs };
}
