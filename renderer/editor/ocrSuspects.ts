import type { NodeKey } from 'lexical';
import type { PageBreak } from '../../shared/model/caseDoc.ts';
import { findOcrSuspects, type OcrCheck, type OcrSuspect } from '../../shared/proof/ocrSuspects.ts';
import { $blocks } from './blocks.ts';
import { $editorToDoc } from '../../shared/editor/docConvert.ts';

/** What OCR read on the case's pages and the threshold below which a character is a suspect. */
export interface OcrSuspectSource extends OcrCheck {
  /** Page of the first block when it has no leading marker (as the editor's `startPage`). */
  startPage: number;
}

/** A block as the OCR check reads it: its node, text, page and page breaks. */
export interface OcrBlockInput {
  key: NodeKey;
  text: string;
  page: number;
  breaks: readonly PageBreak[];
}

/**
 * The editor's blocks, in order, with the pages their page markers give them (as the document is
 * saved). Empty for an editor holding only Lexical's blank placeholder. Must run inside `editor.read`.
 */
export function $ocrBlocks(startPage: number): OcrBlockInput[] {
  const nodes = $blocks();
  const blocks = $editorToDoc(startPage).blocks;
  if (blocks.length !== nodes.length) return [];
  return blocks.map((b, i) => ({ key: nodes[i]!.getKey(), text: b.text, page: b.page, breaks: b.breaks }));
}

/**
 * OCR suspects per block, in block order, recomputed only for blocks whose text or pages changed
 * (like `memoByBlock`, which keys on text and kind only).
 */
export function memoOcrByBlock(source: OcrSuspectSource): (blocks: readonly OcrBlockInput[]) => OcrSuspect[][] {
  let memo = new Map<NodeKey, { sig: string; value: OcrSuspect[] }>();
  return (blocks) => {
    const next = new Map<NodeKey, { sig: string; value: OcrSuspect[] }>();
    const out = blocks.map((b) => {
      const sig = `${b.page}|${b.breaks.map((x) => `${x.at}:${x.page}`).join(',')}|${b.text}`;
      let entry = memo.get(b.key);
      if (!entry || entry.sig !== sig) entry = { sig, value: findOcrSuspects(b, source.pages, source.threshold) };
      next.set(b.key, entry);
      return entry.value;
    });
    memo = next;
    return out;
  };
}
