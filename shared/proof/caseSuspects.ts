import type { BlockKind } from '../model/blockKind.ts';
import type { CaseDoc } from '../model/caseDoc.ts';
import { findOcrSuspects, withOcrSuspects, type OcrCheck } from './ocrSuspects.ts';
import { findSuspects, type Simplifier, type SuspectOptions } from './suspects.ts';
import type { WordMatcher } from './wordList.ts';

/** Kinds whose phrase gaps (`开设“民情论坛” 打造和谐家园`) are intended. */
export const PHRASE_KINDS: ReadonlySet<BlockKind> = new Set([
  'title',
  'heading',
  'awards-heading',
  'commentary-signature',
  'organization',
]);

/** The suspect options for a block of this kind, as the editor checks it. */
export function blockSuspectOptions(kind: BlockKind, simplify?: Simplifier, words?: WordMatcher): SuspectOptions {
  return { allowPhraseSpaces: PHRASE_KINDS.has(kind), ...(simplify ? { simplify } : {}), ...(words ? { words } : {}) };
}

/**
 * How many suspects a case's document holds, counted as the editor's suspect list would: with `ocr`,
 * its low-confidence characters too, merged as the editor merges them (`withOcrSuspects`).
 */
export function countDocSuspects(doc: CaseDoc, simplify?: Simplifier, words?: WordMatcher, ocr?: OcrCheck): number {
  let n = 0;
  for (const b of doc.blocks) {
    const own = findSuspects(b.text, blockSuspectOptions(b.kind, simplify, words));
    n += ocr ? withOcrSuspects(own, findOcrSuspects(b, ocr.pages, ocr.threshold)).length : own.length;
  }
  return n;
}
