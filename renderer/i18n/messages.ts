import zhCN from './zh-CN.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import type { Language } from '../../shared/model/prefs.ts';
import { flatten, type LeafPaths } from './translate.ts';

/** Every message key, checked at compile time: zh-CN.json is the reference, en.json must match its shape. */
export type MessageKey = LeafPaths<typeof zhCN>;
const enChecked: typeof zhCN = en;

export const TABLES: Readonly<Record<Language, Map<string, string>>> = {
  'zh-CN': flatten(zhCN),
  en: flatten(enChecked),
};
