/**
 * Edit distance and alignment of short strings (titles, organisation names), by code point. OCR
 * reads the same printed string differently in different places (a title, its TOC entry, its
 * running footers); these compare and reconcile such readings.
 */

/** Levenshtein distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let cur = new Array<number>(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const n = Math.max(Array.from(a).length, Array.from(b).length);
  if (n === 0) return 1;
  return 1 - editDistance(a, b) / n;
}

/** Cheap upper bound of `similarity`: shared characters (as a multiset) over the longer length. */
export function overlap(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.max(x.length, y.length);
  if (n === 0) return 1;
  const counts = new Map<string, number>();
  for (const ch of x) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of y) {
    const c = counts.get(ch) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(ch, c - 1);
    }
  }
  return shared / n;
}

/**
 * An optimal alignment of `other` to `pivot`: for each pivot character the character of `other`
 * aligned with it ('' when `other` lacks it), and for each gap (before pivot character i, and
 * after the last at index pivot.length) what `other` inserts there.
 */
export function alignTo(
  pivot: readonly string[],
  other: readonly string[],
): { at: string[]; inserted: string[]; index: number[] } {
  const n = pivot.length;
  const m = other.length;
  // d[i][j]: distance between pivot[i..] and other[j..].
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) d[i]![j] = m - j;
      else if (j === m) d[i]![j] = n - i;
      else {
        const sub = d[i + 1]![j + 1]! + (pivot[i] === other[j] ? 0 : 1);
        d[i]![j] = Math.min(sub, d[i + 1]![j]! + 1, d[i]![j + 1]! + 1);
      }
    }
  }
  const at: string[] = new Array<string>(n).fill('');
  const index: number[] = new Array<number>(n).fill(-1);
  const inserted: string[] = new Array<string>(n + 1).fill('');
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && d[i]![j] === d[i + 1]![j + 1]! + (pivot[i] === other[j] ? 0 : 1)) {
      at[i] = other[j]!;
      index[i] = j;
      i++;
      j++;
    } else if (i < n && d[i]![j] === d[i + 1]![j]! + 1) i++;
    else {
      inserted[i] += other[j]!;
      j++;
    }
  }
  return { at, inserted, index };
}

const isContent = (ch: string): boolean => /[\p{Script=Han}A-Za-z0-9]/u.test(ch);

/** The letters, digits and ideographs of a reading (what OCR readings are compared on). */
export function contentOf(s: string): string {
  return Array.from(s).filter(isContent).join('');
}

/** A reading as its content characters, each with the marks and spaces before it, and the marks after the last. */
function split(s: string): { content: string[]; gaps: string[] } {
  const content: string[] = [];
  const gaps: string[] = [''];
  for (const ch of s) {
    if (isContent(ch)) {
      content.push(ch);
      gaps.push('');
    } else gaps[gaps.length - 1] += ch;
  }
  return { content, gaps: gaps.map((g) => g.replace(/\s+/g, ' ')) };
}

/** The most voted key if it has at least two votes and more than `own`'s; else `own`. */
function outvote(votes: Map<string, number>, own: string): string {
  let best = own;
  let bestCount = votes.get(own) ?? 0;
  for (const [key, count] of votes) {
    if (count > bestCount && count >= 2) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

const vote = (votes: Map<string, number>, key: string): void => {
  votes.set(key, (votes.get(key) ?? 0) + 1);
};

/**
 * Several OCR readings of one printed string, reconciled: each reading is aligned to `pivot` by
 * its letters, digits and ideographs. Where at least two readings agree on another character than
 * the pivot's (or on none) and outnumber the readings that keep the pivot's, the pivot changes; a
 * character that a strict majority of all readings (the pivot included) has between two of the
 * pivot's is inserted; the marks between two characters (spaces, quotes) are voted the same way.
 * With two readings nothing can outvote the pivot.
 */
export function consensus(pivot: string, others: readonly string[]): string {
  if (others.length < 2) return pivot;
  const base = split(pivot);
  const n = base.content.length;
  const votes = base.content.map((ch) => new Map([[ch, 1]]));
  const gapVotes = base.gaps.map((g) => new Map([[g, 1]]));
  const inserts = Array.from({ length: n + 1 }, () => new Map<string, number>());
  for (const other of others) {
    const reading = split(other);
    const aligned = alignTo(base.content, reading.content);
    aligned.at.forEach((ch, k) => vote(votes[k]!, ch));
    aligned.inserted.forEach((s, g) => {
      if (s.length > 0) vote(inserts[g]!, s);
    });
    // The marks before a pivot character, where the reading has that character (or its stand-in).
    aligned.index.forEach((j, k) => {
      if (j >= 0 && (k > 0 ? aligned.index[k - 1] === j - 1 : j === 0)) vote(gapVotes[k]!, reading.gaps[j]!);
    });
    if (n > 0 && aligned.index[n - 1] === reading.content.length - 1) vote(gapVotes[n]!, reading.gaps[reading.content.length]!);
  }
  const total = others.length + 1;
  let out = '';
  for (let k = 0; k <= n; k++) {
    out += outvote(gapVotes[k]!, base.gaps[k]!);
    for (const [s, count] of inserts[k]!) if (count * 2 > total) out += s;
    if (k < n) out += outvote(votes[k]!, base.content[k]!);
  }
  return out.replace(/\s+/g, ' ').trim();
}
