import fs from 'node:fs';

export type FileKind = 'pdf' | 'jpg' | 'png' | 'tif';

/** What a file is, by its first bytes (names and extensions lie; staged files have none). */
export function sniffBytes(head: Uint8Array): FileKind | null {
  const b = head;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)
  )
    return 'tif';
  // PDF readers accept the header anywhere in the first KB.
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  return text.includes('%PDF-') ? 'pdf' : null;
}

export function sniffFile(file: string): FileKind | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return sniffBytes(head.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}
