import type { ChangeLog, RuleId } from './changeLog.ts';
import type { SiteSink } from '../text/rewrite.ts';
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

/** Applies the spacing rules for `role` to one line, reporting each change at `where`. */
export function formatLine(
  text: string,
  role: TextRole,
  where: { page: number; line: number },
  log: ChangeLog,
  opts: FormatOptions,
): string {
  const sink = (rule: RuleId): SiteSink => (before, after) => log.record(rule, where, before, after);
  let s = text;
  const phrase = role === 'title' || role === 'byline';
  if (log.on('space-after-punct')) s = spaceAfterPunct(s, phrase, sink('space-after-punct')).text;
  if (log.on('space-before-punct')) s = spaceBeforePunct(s, sink('space-before-punct')).text;
  if (log.on('space-cjk-digit')) s = spaceCjkDigit(s, opts.cjkDigitSpace, sink('space-cjk-digit')).text;
  if (!phrase && log.on('space-before-quote')) s = spaceBeforeQuote(s, sink('space-before-quote')).text;
  if (role === 'running' && log.on('space-between-cjk')) s = spaceBetweenCjk(s, sink('space-between-cjk')).text;
  return collapseSpaces(s).text;
}
