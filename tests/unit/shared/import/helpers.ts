import { ChangeLog } from '../../../../shared/import/changeLog.ts';
import { buildPageLines, type Line, type PageLines } from '../../../../shared/import/lines.ts';
import { DEFAULT_VOCABULARY } from '../../../../shared/import/vocabulary.ts';
import type { TextContext } from '../../../../shared/import/blocks.ts';

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
