import { ChangeLog } from '../../../../shared/import/changeLog.ts';
import { buildPageLines, type Line, type PageLines } from '../../../../shared/import/lines.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import type { TextContext } from '../../../../shared/import/blocks.ts';
import { ANCHORED, type Candidate } from '../../../../shared/import/candidates.ts';
import { matchKey } from '../../../../shared/import/tocMatch.ts';

/** Pages of cleaned lines from arrays of raw lines, through the real line builder. */
export function pagesOf(...pages: string[][]): PageLines[] {
  let start = 0;
  const raw = pages.map((lines, index) => {
    const p = { index, lines, startLine: start };
    start += lines.length;
    return p;
  });
  return buildPageLines(raw, new ChangeLog(), { vocabulary: DEFAULT_VOCABULARY });
}

/** The lines of `pagesOf(...)`, flattened in reading order. */
export function linesOf(...pages: string[][]): Line[] {
  return pagesOf(...pages).flatMap((p) => p.lines);
}

export function context(disabledRules: string[] = []): TextContext {
  return { log: new ChangeLog(disabledRules), fmt: { cjkDigitSpace: false } };
}

/**
 * Synthetic alignment candidates: one per case (title over a `———organisation` line, page k), and
 * the printed page of each (null where unknown), for `alignWithToc`.
 */
export function candidatesOf(cases: { title: string; printedStart: number | null }[]): {
  candidates: Candidate[];
  printed: (number | null)[];
} {
  const candidates = cases.map((c, k) => {
    const line = linesOf([c.title])[0]!;
    const at = { ...line, page: k };
    const opener = {
      start: k * 10,
      bodyStart: k * 10 + 2,
      titleLines: [at],
      org: null,
      orgFromToc: null,
      label: null,
      commentary: [],
      signature: null,
    };
    return { opener, shape: ANCHORED, entries: null, key: matchKey(c.title), org: '', page: k, anchored: true, numbered: false };
  });
  return { candidates, printed: cases.map((c) => c.printedStart) };
}
