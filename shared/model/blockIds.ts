import type { Block, CaseDoc } from './caseDoc.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 12;

/**
 * A fresh block id: 12 random base-36 characters (~62 bits), unique within any real document; the
 * store still makes duplicates unique. Uses Web Crypto, present in Node and in browsers alike.
 */
export function newBlockId(): string {
  let id = '';
  const bytes = new Uint8Array(ID_LENGTH * 2);
  while (id.length < ID_LENGTH) {
    globalThis.crypto.getRandomValues(bytes);
    // 252 = 7 × 36: values above would favour the first characters.
    for (const b of bytes) if (b < 252 && id.length < ID_LENGTH) id += ALPHABET[b % 36];
  }
  return id;
}

/**
 * `doc` with an id on every block: missing ids are filled in and a repeated id (an editor split or
 * a paste may copy one) is kept by its first occurrence, later ones get fresh ids. Returns the same
 * object when nothing had to change, so callers can tell whether to write.
 */
export function withBlockIds(doc: CaseDoc): CaseDoc {
  const seen = new Set<string>();
  let blocks: Block[] | null = null;
  for (const [i, b] of doc.blocks.entries()) {
    if (b.id !== undefined && !seen.has(b.id)) {
      seen.add(b.id);
      continue;
    }
    blocks ??= doc.blocks.slice();
    let id = newBlockId();
    while (seen.has(id)) id = newBlockId();
    seen.add(id);
    blocks[i] = { ...b, id };
  }
  return blocks ? { ...doc, blocks } : doc;
}

/** Whether every block has an id and no id repeats. */
export function hasBlockIds(doc: CaseDoc): boolean {
  return withBlockIds(doc) === doc;
}
