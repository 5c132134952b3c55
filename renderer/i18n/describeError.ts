import { toApiError } from '../api/apiError.ts';
import type { ErrorCode } from '../../shared/ipc/errors.ts';
import type { I18n } from './I18nProvider.tsx';

export interface DescribedError {
  code: ErrorCode;
  /** Translated, by error code. */
  message: string;
  /** The server's (English) message, as a secondary line. */
  detail: string | undefined;
}

export function describeError(err: unknown, i18n: Pick<I18n, 't'>): DescribedError {
  const e = toApiError(err);
  const generic = i18n.t(`errors.${e.code}`, flatParams(e.details));
  // Errors about a file the user chose name it, so that a batch of files says which one failed.
  const file = e.details?.file;
  const message = typeof file === 'string' && file ? i18n.t('errors.inFile', { file, message: generic }) : generic;
  const detail = e.message ? i18n.t('errors.serverMessage', { message: e.message }) : undefined;
  return { code: e.code, message, detail };
}

function flatParams(details: Record<string, unknown> | undefined): Record<string, string | number> | undefined {
  if (!details) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}
