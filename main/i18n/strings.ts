// Main's words come from the renderer's string tables (renderer/i18n/*.json): one table for the page,
// the menu and the terminal, so a translation is made once. The tables are plain JSON and the
// translator is pure, so main may use them without pulling in React.
import type { Language } from '../../shared/model/prefs.ts';
import { TABLES, type MessageKey } from '../../renderer/i18n/messages.ts';
import { createTranslator, type Params, type Translator } from '../../renderer/i18n/translate.ts';

const translators: Record<Language, Translator> = {
  'zh-CN': createTranslator('zh-CN', TABLES),
  en: createTranslator('en', TABLES),
};

/** One message in one language. */
export function tr(lang: Language, key: MessageKey, params?: Params): string {
  return translators[lang].t(key, params);
}

/**
 * One message in both languages, Chinese first (`中文 / English`): for the terminal and for native
 * boxes shown before the user's language is known.
 */
export function bilingual(key: MessageKey, params?: Params): string {
  return bothLanguages((lang) => tr(lang, key, params));
}

/** A line made per language (a message with a translated hint after it), Chinese first, as `bilingual`. */
export function bothLanguages(line: (lang: Language) => string): string {
  return `${line('zh-CN')} / ${line('en')}`;
}
