import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../shared/model/prefs.ts';
import { createTranslator, type Params } from './translate.ts';
import { TABLES, type MessageKey } from './messages.ts';

export interface I18n {
  language: Language;
  t(key: MessageKey, params?: Params): string;
  /** For keys built at run time (rule ids, job phases): undefined when not translated. */
  lookup(key: string, params?: Params): string | undefined;
  /** Locale-aware date-time for an ISO timestamp. */
  formatDateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(language: Language): I18n {
  const tr = createTranslator(language, TABLES);
  const dtf = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return {
    language,
    t: (key, params) => tr.t(key, params),
    lookup: tr.lookup,
    formatDateTime(iso) {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dtf.format(d);
    },
  };
}

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
