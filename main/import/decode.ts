import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { AppError } from '../../shared/ipc/errors.ts';

/**
 * Decodes a text file of unknown encoding: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM,
 * or recognised by its zero bytes), else what jschardet detects — for Chinese text that is
 * GB2312/GBK, which GB18030 decodes as a superset. Refuses empty files, binary files and text that
 * decodes into replacement characters.
 */
export interface Decoded {
  text: string;
  encoding: string;
}

/** Share of decoded characters that may be U+FFFD before we call the encoding wrong. */
const MAX_REPLACEMENT_RATIO = 0.005;
/** Share of control characters (other than tab, newlines, form feed) that marks a binary file. */
const MAX_CONTROL_RATIO = 0.01;

export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) throw new AppError('IMPORT_EMPTY', 'The file is empty');
  const { text, encoding } = decodeBuffer(buf);
  checkText(text, encoding);
  return { text, encoding };
}

function decodeBuffer(buf: Buffer): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  if (buf.includes(0)) throw new AppError('IMPORT_BINARY', 'The file is not text (it contains NUL bytes)');
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };
  const guess = jschardet.detect(buf);
  const encoding = chineseEncoding(guess.encoding);
  if (!iconv.encodingExists(encoding)) {
    throw new AppError('IMPORT_ENCODING', 'The text encoding could not be recognised', { detected: guess.encoding ?? null });
  }
  return { text: iconv.decode(buf, encoding), encoding };
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Maps a detector's answer to the encoding to decode with. This is a workbench for Chinese books:
 * anything but a CJK or Unicode encoding (a Western code page guessed from a short or damaged
 * file) is taken as GB18030, the superset of GB2312/GBK; a wrong guess then shows as U+FFFD.
 */
function chineseEncoding(detected: string | null | undefined): string {
  const d = (detected ?? '').toLowerCase();
  if (d === 'big5' || d === 'euc-tw') return 'big5';
  if (d.startsWith('utf-') || d === 'shift_jis' || d === 'euc-jp' || d === 'euc-kr') return d;
  return 'gb18030';
}

/** UTF-16 without a BOM: zero bytes on one side of most ASCII characters. */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function checkText(text: string, encoding: string): void {
  if (text.replace(/^\uFEFF/, '').trim().length === 0) throw new AppError('IMPORT_EMPTY', 'The file holds no text');
  let replacement = 0;
  let control = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) replacement++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  if (control > Math.max(2, total * MAX_CONTROL_RATIO)) {
    throw new AppError('IMPORT_BINARY', 'The file is not text (too many control characters)', { encoding });
  }
  // A few U+FFFD can be in the source itself (the seed has four); many mean a wrong encoding.
  if (replacement > Math.max(8, total * MAX_REPLACEMENT_RATIO)) {
    throw new AppError('IMPORT_ENCODING', 'The text does not decode cleanly', { encoding, replacement });
  }
}
