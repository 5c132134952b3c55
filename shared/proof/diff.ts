import { diffChars } from 'diff';

export type DiffPart = { kind: 'same' | 'ins' | 'del'; text: string };

export interface DiffResult {
  parts: DiffPart[];
  inserted: number;
  deleted: number;
  /** True when the diff gave up (too slow) and shows the whole text as replaced. */
  coarse: boolean;
}

/**
 * Character-level diff (`diff`'s diffChars works on code points, which suits Chinese, where a
 * word diff has no spaces to split on). Bounded in time: past `timeoutMs` it falls back to
 * "everything replaced" rather than freezing the window.
 */
export function diffText(before: string, after: string, timeoutMs = 1500): DiffResult {
  const changes = diffChars(before, after, { timeout: timeoutMs });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (before) parts.push({ kind: 'del', text: before });
    if (after) parts.push({ kind: 'ins', text: after });
    return { parts, inserted: [...after].length, deleted: [...before].length, coarse: true };
  }
  let inserted = 0;
  let deleted = 0;
  const parts = changes.map((c): DiffPart => {
    if (c.added) inserted += c.count;
    if (c.removed) deleted += c.count;
    return { kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value };
  });
  return { parts, inserted, deleted, coarse: false };
}

/** Shortens long unchanged runs to their ends, so an inline diff of a long case stays readable. */
export function collapseSame(parts: readonly DiffPart[], context = 20): DiffPart[] {
  return parts.map((p, i) => {
    if (p.kind !== 'same') return p;
    const chars = [...p.text];
    const keepHead = i === 0 ? 0 : context;
    const keepTail = i === parts.length - 1 ? 0 : context;
    if (chars.length <= keepHead + keepTail + 3) return p;
    return { kind: 'same', text: chars.slice(0, keepHead).join('') + ' … ' + chars.slice(chars.length - keepTail).join('') };
  });
}
