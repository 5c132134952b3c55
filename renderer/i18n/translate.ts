import type { Language } from '../../shared/model/prefs.ts';

/** Nested message tree as loaded from a JSON file. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** Dotted paths to the leaves of a message tree (`errors.CONFLICT`, `stages.review1`, …). */
export type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : LeafPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Params = Readonly<Record<string, string | number>>;

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Flattens a message tree into a lookup table keyed by dotted path. */
export function flatten(tree: MessageTree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, `${key}.`, out);
  }
  return out;
}

/** `{name}` placeholders are replaced from params; unknown ones stay visible so a missing param is noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export interface Translator {
  readonly language: Language;
  /** Message for a key; falls back to the default language, then to the key itself. */
  t(key: string, params?: Params): string;
  /** Message for a key computed at run time (a rule id, a phase name), or undefined when there is none. */
  lookup(key: string, params?: Params): string | undefined;
}

export function createTranslator(language: Language, tables: Readonly<Record<Language, Map<string, string>>>): Translator {
  const primary = tables[language];
  const fallback = tables[DEFAULT_LANGUAGE];
  const lookup = (key: string, params?: Params): string | undefined => {
    const template = primary.get(key) ?? fallback.get(key);
    return template === undefined ? undefined : interpolate(template, params);
  };
  return { language, lookup, t: (key, params) => lookup(key, params) ?? key };
}
