import { WORD_LINE_PROBLEMS, type WordLineProblem } from '../../../shared/proof/wordList.ts';
import { ApiError, toApiError } from '../../api/apiError.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';

export function isLineProblem(p: unknown): p is WordLineProblem {
  return typeof p === 'string' && Object.hasOwn(WORD_LINE_PROBLEMS, p);
}

/**
 * A refused word list file names the bad line's problem in English (`reason`) and by key
 * (`problem`); the message is shown with the reason in the user's language.
 */
export function localizeWordListError(err: unknown, i18n: Pick<I18n, 't'>): unknown {
  const e = toApiError(err);
  const problem = e.details?.problem;
  if (e.code !== 'WORDLIST_FORMAT' || !isLineProblem(problem)) return err;
  return new ApiError(e.code, e.message, { ...e.details, reason: i18n.t(`wordList.problems.${problem}`) });
}
