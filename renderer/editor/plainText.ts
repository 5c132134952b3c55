import { $getSelection, $isRangeSelection } from 'lexical';

/**
 * Inserts plain text at the selection: the first line joins the current block, each further line
 * starts a new block (Enter semantics, so kinds follow {@link SectionNode.insertNewAfter}).
 * Line breaks inside a block are not allowed in a case document, and no page marker is ever
 * created: a copy carries the text only.
 */
export function $insertPlainText(text: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return;
    if (i > 0) sel.insertParagraph();
    const now = $getSelection();
    if (line !== '' && $isRangeSelection(now)) now.insertText(line);
  });
  return true;
}
