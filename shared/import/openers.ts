import type { Line } from './lines.ts';
import { isVocab, type Vocabulary } from './vocabulary.ts';
import { isDashLine, isDateLine } from './structure.ts';
import { endsSentence, endsWithPunct, lastChar } from '../text/cjk.ts';

/**
 * Where cases begin. A case opens with its title (one to three short lines) over a `———name`
 * line giving the organisation, optionally with a commentary box (a vocabulary label such as
 * 〔组织点评〕, paragraphs, a `———signature`) printed before the title or right after the
 * organisation. Nothing here depends on the words of a title.
 */
export interface Opener {
  /** Index (into the line list) of the case's first line: the box label or the title. */
  start: number;
  /** Index of the first line of the case body. */
  bodyStart: number;
  titleLines: Line[];
  org: Line;
  label: Line | null;
  commentary: Line[];
  signature: Line | null;
}

const MAX_TITLE_LINES = 3;
const MAX_BOX_LINES = 40;

/** A line that could be (part of) a case title. */
export function titleShaped(line: Line): boolean {
  if (line.width < 2 || line.width > 40) return false;
  if (isDateLine(line.text) || isDashLine(line.text)) return false;
  const last = lastChar(line.text);
  return !endsWithPunct(line.text) || last === '！' || last === '？';
}

export function isLabel(line: Line, vocab: Vocabulary): boolean {
  return isVocab(line.text, vocab.commentaryLabels);
}

/** Finds every case opener in reading order. `W` is the width of a full body line. */
export function findOpeners(lines: readonly Line[], vocab: Vocabulary, W: number): Opener[] {
  const openers: Opener[] = [];
  let floor = 0; // lines before this belong to an earlier opener
  for (let i = 0; i < lines.length; i++) {
    const org = lines[i]!;
    if (i < floor || !isDashLine(org.text)) continue;
    let j = i - 1;
    const title: Line[] = [];
    while (j >= floor && title.length < MAX_TITLE_LINES) {
      const l = lines[j]!;
      // A title line is never a full line of running text.
      if (l.page !== org.page || isDashLine(l.text) || isLabel(l, vocab) || !titleShaped(l) || l.width >= W - 1.5) break;
      title.unshift(l);
      j--;
    }
    if (title.length === 0) continue;
    const before = j >= floor ? lines[j] : undefined;
    // The line above the title must close something, or the "title" is the end of a paragraph.
    if (
      before &&
      before.page === title[0]!.page &&
      !isDashLine(before.text) &&
      !isLabel(before, vocab) &&
      !endsSentence(before.text) &&
      before.width >= W * 0.6
    ) {
      continue;
    }
    const op: Opener = {
      start: j + 1,
      bodyStart: i + 1,
      titleLines: title,
      org,
      label: null,
      commentary: [],
      signature: null,
    };
    boxBefore(lines, op, j, floor, vocab);
    boxAfter(lines, op, vocab);
    openers.push(op);
    floor = op.bodyStart;
    i = op.bodyStart - 1;
  }
  return openers;
}

/** Commentary box printed above the title: label, paragraphs, optional `———signature`. */
function boxBefore(lines: readonly Line[], op: Opener, j: number, floor: number, vocab: Vocabulary): void {
  let k = j;
  let signature: Line | null = null;
  if (k >= floor && isDashLine(lines[k]!.text)) {
    signature = lines[k]!;
    k--;
  }
  const box: Line[] = [];
  while (k >= floor && box.length < MAX_BOX_LINES && !isLabel(lines[k]!, vocab) && !isDashLine(lines[k]!.text)) {
    box.unshift(lines[k]!);
    k--;
  }
  if (k >= floor && isLabel(lines[k]!, vocab)) {
    op.label = lines[k]!;
    op.commentary = box;
    op.signature = signature;
    op.start = k;
  }
}

/** Commentary box printed right after the organisation line. */
function boxAfter(lines: readonly Line[], op: Opener, vocab: Vocabulary): void {
  if (op.label) return;
  const first = lines[op.bodyStart];
  if (!first || !isLabel(first, vocab)) return;
  let k = op.bodyStart + 1;
  const box: Line[] = [];
  while (k < lines.length && box.length < MAX_BOX_LINES && !isDashLine(lines[k]!.text) && !isLabel(lines[k]!, vocab)) {
    box.push(lines[k]!);
    k++;
  }
  const sig = lines[k];
  if (sig && isDashLine(sig.text) && box.length > 0) {
    op.label = first;
    op.commentary = box;
    op.signature = sig;
    op.bodyStart = k + 1;
    return;
  }
  // No signature: the box holds one paragraph, up to the first line that ends a sentence.
  const end = box.findIndex((l) => endsSentence(l.text));
  if (end >= 0) {
    op.label = first;
    op.commentary = box.slice(0, end + 1);
    op.bodyStart = op.bodyStart + 1 + end + 1;
  }
}
