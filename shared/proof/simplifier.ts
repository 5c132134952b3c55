import type { Simplifier } from './suspects.ts';

let pending: Promise<Simplifier> | null = null;

/**
 * Loads OpenCC's traditional→simplified converter (`opencc-js/t2cn`, ~110 KB, so it is imported
 * lazily and only once). Works in Node and in the browser bundle.
 */
export function loadSimplifier(): Promise<Simplifier> {
  pending ??= import('opencc-js/t2cn').then((OpenCC) => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    return (text: string) => convert(text);
  });
  return pending;
}
