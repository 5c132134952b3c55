import type { ChangeLog, Where } from './changeLog.ts';
import {
  collapseSpaces,
  spaceAfterPunct,
  spaceBeforePunct,
  spaceBeforeQuote,
  spaceBetweenCjk,
  spaceCjkDigit,
} from '../text/spacing.ts';

/**
 * How a line's spaces are treated depends on what it is: a title keeps the gaps between its
 * phrases (and the gap after a closing quote that ends a phrase), a byline keeps the gap between
 * office and name, a heading keeps gaps between ideographs only, running text keeps none.
 */
export type TextRole = 'title' | 'byline' | 'heading' | 'running';

export interface FormatOptions {
  cjkDigitSpace: boolean;
}

/** What formatting needs besides the line: the change log and the formatting options. */
export interface FormatContext {
  log: ChangeLog;
  fmt: FormatOptions;
}

/** One line to format: what it is, and where it is (where its changes are reported). */
export interface LineSite {
  role: TextRole;
  where: Where;
}

/** Applies the spacing rules for `site.role` to one line, reporting each change at `site.where`. */
export function formatLine(text: string, { role, where }: LineSite, { log, fmt }: FormatContext): string {
  let out = text;
  const phrase = role === 'title' || role === 'byline';
  if (log.on('space-after-punct'))
    out = spaceAfterPunct(out, { keepPhraseGaps: phrase }, log.sink('space-after-punct', where)).text;
  if (log.on('space-before-punct')) out = spaceBeforePunct(out, log.sink('space-before-punct', where)).text;
  if (log.on('space-cjk-digit'))
    out = spaceCjkDigit(out, { keepOne: fmt.cjkDigitSpace }, log.sink('space-cjk-digit', where)).text;
  if (!phrase && log.on('space-before-quote')) out = spaceBeforeQuote(out, log.sink('space-before-quote', where)).text;
  if (role === 'running' && log.on('space-between-cjk')) out = spaceBetweenCjk(out, log.sink('space-between-cjk', where)).text;
  return collapseSpaces(out).text;
}
