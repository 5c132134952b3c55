import { ParagraphNode, type Klass, type LexicalNode, type LexicalNodeReplacement } from 'lexical';
import { $createSectionNode, SectionNode } from './SectionNode.ts';
import { PageMarkerNode } from './PageMarkerNode.ts';

/** The one registry of the proofreading editor's nodes (editor and headless tests share it). */
export const PROOF_NODES: ReadonlyArray<Klass<LexicalNode> | LexicalNodeReplacement> = [
  SectionNode,
  PageMarkerNode,
  { replace: ParagraphNode, with: () => $createSectionNode('body'), withKlass: SectionNode },
];

export { SectionNode, $createSectionNode, $isSectionNode } from './SectionNode.ts';
export { PageMarkerNode, $createPageMarkerNode, $isPageMarkerNode } from './PageMarkerNode.ts';
