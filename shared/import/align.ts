/**
 * Order-preserving alignment of case-opener candidates with table-of-contents entries (dynamic
 * programming over entries × candidates, with skips on both sides). Knows nothing of text: the
 * caller scores each candidate as a case of its own (`solo`) and each candidate–entry pair
 * (`pair`); this finds the set of non-overlapping candidates, in reading order, each paired with
 * an entry (entries in TOC order, each at most once) or standing alone, whose total is highest.
 * A candidate left out stays body text (score 0); so does a pair or solo scoring ≤ 0.
 */

/** A candidate's extent in the line list: it occupies [start, end); chosen ones never overlap. */
export interface AlignSpan {
  start: number;
  end: number;
}

export interface AlignProblem {
  /** Candidates sorted by `start`. */
  spans: readonly AlignSpan[];
  /** Number of TOC entries (0: no TOC; the alignment then picks among solo candidates). */
  entries: number;
  /** Score of candidate c as the case of entry t (≤ 0 or −Infinity: not allowed). */
  pair: (c: number, t: number) => number;
  /** Score of candidate c as a case that no entry lists (≤ 0: not allowed). */
  solo: (c: number) => number;
}

/** One chosen candidate and its entry (−1: a case of its own). */
export interface AlignPick {
  candidate: number;
  entry: number;
}

/** Past this many cells the entries are left out: only solo candidates count (a pathological input). */
const MAX_CELLS = 20_000_000;

/**
 * The best alignment, in reading order. State (c, s): candidate c chosen last, s − 1 the last entry
 * used so far (s = 0: none). A pair (c, t) follows any finished state with s ≤ t; a solo c follows
 * one with the same s. "Finished" = the state's candidate ends at or before c starts, so candidates
 * are taken in start order and states released in end order; a prefix-maximum (Fenwick) tree over s
 * gives the best finished state below t in O(log T).
 */
export function alignCandidates({ spans, entries, pair, solo }: AlignProblem): AlignPick[] {
  const n = spans.length;
  const slots = (n * (entries + 1) > MAX_CELLS ? 0 : entries) + 1;
  const T = slots - 1;
  const score = new Float64Array(n * slots).fill(-Infinity);
  // Predecessor of each state: its candidate (−1: the start) and slot.
  const prevC = new Int32Array(n * slots).fill(-1);
  const prevS = new Int32Array(n * slots).fill(0);
  // Best finished state per slot (exact), and a Fenwick tree of prefix maxima over slots.
  const exact = new Float64Array(slots).fill(-Infinity);
  const exactC = new Int32Array(slots).fill(-1);
  exact[0] = 0;
  const tree = new Float64Array(slots + 1).fill(-Infinity);
  const treeAt = new Int32Array(slots + 1).fill(-1); // the slot holding that maximum
  const raise = (s: number, v: number): void => {
    for (let i = s + 1; i <= slots; i += i & -i) {
      if (v > tree[i]!) {
        tree[i] = v;
        treeAt[i] = s;
      }
    }
  };
  // The slot with the highest exact score among 0..upTo (−1 when none is finite).
  const best = (upTo: number): number => {
    let v = -Infinity;
    let at = -1;
    for (let i = upTo + 1; i > 0; i -= i & -i) {
      if (tree[i]! > v) {
        v = tree[i]!;
        at = treeAt[i]!;
      }
    }
    return at;
  };
  raise(0, 0);
  const byEnd = spans.map((_, c) => c).sort((a, b) => spans[a]!.end - spans[b]!.end || a - b);
  let released = 0;
  const release = (upTo: number): void => {
    while (released < n && spans[byEnd[released]!]!.end <= upTo) {
      const c = byEnd[released++]!;
      for (let s = 0; s < slots; s++) {
        const v = score[c * slots + s]!;
        if (v > exact[s]!) {
          exact[s] = v;
          exactC[s] = c;
          raise(s, v);
        }
      }
    }
  };
  for (let c = 0; c < n; c++) {
    release(spans[c]!.start);
    const base = c * slots;
    for (let t = 0; t < T; t++) {
      const p = pair(c, t);
      if (!(p > 0)) continue;
      const from = best(t);
      if (from < 0) continue;
      const v = exact[from]! + p;
      if (v > score[base + t + 1]!) {
        score[base + t + 1] = v;
        prevC[base + t + 1] = exactC[from]!;
        prevS[base + t + 1] = from;
      }
    }
    const alone = solo(c);
    if (alone > 0) {
      for (let s = 0; s < slots; s++) {
        if (exact[s] === -Infinity) continue;
        const v = exact[s]! + alone;
        if (v > score[base + s]!) {
          score[base + s] = v;
          prevC[base + s] = exactC[s]!;
          prevS[base + s] = s;
        }
      }
    }
  }
  release(Infinity);
  let endS = 0;
  for (let s = 1; s < slots; s++) if (exact[s]! > exact[endS]!) endS = s;
  const picks: AlignPick[] = [];
  for (let c = exactC[endS]!, s = endS; c >= 0;) {
    const k = c * slots + s;
    // A pair consumed its entry (its predecessor's slot is lower); a solo kept the slot.
    picks.push({ candidate: c, entry: prevS[k]! < s ? s - 1 : -1 });
    s = prevS[k]!;
    c = prevC[k]!;
  }
  return picks.reverse();
}
