import type { ExportDocument, ExportEntry, ExportPart } from './exportModel.ts';

/**
 * Plain text, as Chinese plain-text manuscripts are laid out: a blank line between paragraphs,
 * body paragraphs opened by two ideographic spaces, the commentary between its label and signature,
 * and entries separated by a rule. Lines end with `\n`.
 */

const INDENT = '\u3000\u3000';
const INDENTED = new Set(['body', 'awards', 'heading2', 'other']);
export const ENTRY_SEPARATOR = '\u3000\u3000＊\u3000\u3000＊\u3000\u3000＊';

function partText(part: ExportPart): string[] {
  if (part.type === 'commentary') return [part.label, ...part.paragraphs.map((p) => INDENT + p), ...part.signatures];
  return [INDENTED.has(part.role) ? INDENT + part.text : part.text];
}

export function entryPlainText(entry: ExportEntry): string {
  return `${entry.parts.flatMap(partText).join('\n\n')}\n`;
}

export function documentPlainText(doc: ExportDocument): string {
  const head = doc.book ? `${doc.volumeTitle}\n\n\n` : '';
  return head + doc.entries.map(entryPlainText).join(`\n${ENTRY_SEPARATOR}\n\n`);
}
