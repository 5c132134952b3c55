import type { ImportResult, UnassignedText } from '../model/importResult.ts';
import type { Line } from './lines.ts';
import { parseWarning, unassignedWarning } from './warnings.ts';

/**
 * The explicit place for text the import could not put in a case or the front matter: rather than
 * guess (and misnumber) or drop it, a stage routes the lines here. The conservation check counts
 * them as placed on their page; the preview lists them under an `unassigned-text` warning; the
 * import stores them as one item flagged for review ('unassigned'), so nothing is lost.
 *
 * Use: collect the lines, then once the result is built (before the conservation check)
 * `addUnassigned(result, unassignedFromLines(lines, 'uncertain'))`.
 */

/** Lines as unassigned texts: one per run of consecutive lines on one page, joined by line breaks. */
export function unassignedFromLines(lines: readonly Line[], reason: string): UnassignedText[] {
  const out: UnassignedText[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    if (l.text === '') continue;
    const last = out[out.length - 1];
    if (last && prev && prev.page === l.page && l.lineNo - prev.lineNo <= 1 && last.reason === reason) {
      if (l.lineNo !== prev.lineNo) last.text += '\n';
      last.text += l.text;
    } else out.push({ page: l.page, line: l.lineNo, text: l.text, reason });
    prev = l;
  }
  return out;
}

/** Appends `items` to the result's unassigned texts and states them in one `unassigned-text` warning. */
export function addUnassigned(result: ImportResult, items: readonly UnassignedText[]): void {
  if (items.length === 0) return;
  const all = [...(result.unassigned ?? []), ...items].sort((a, b) => a.page - b.page || a.line - b.line);
  result.unassigned = all;
  const at = result.warnings.findIndex((w) => parseWarning(w)?.key === 'unassigned-text');
  const warning = unassignedWarning(all);
  if (at >= 0) result.warnings[at] = warning;
  else result.warnings.push(warning);
}
