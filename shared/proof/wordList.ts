/**
 * The library's word list (as Distributed Proofreaders' WordCheck good/bad word lists): finding its
 * words in a text fast, and its text format. Good words are never flagged as suspects; bad words
 * always are (see `findSuspects`).
 *
 * Text format, UTF-8, one entry a line:
 *   +词            a good word
 *   -错词 => 正词   a bad word with its replacement
 *   -错词          a bad word without one (the fix depends on the context)
 *   # …            a comment; blank lines are ignored
 */
import {
  REPLACEMENT_ARROW,
  WORDLIST_LIMITS,
  normalizeWord,
  replacementProblem,
  wordProblem,
  type WordKind,
  type WordSpec,
} from '../model/wordList.ts';

// Matching: one Aho–Corasick automaton over every word (UTF-16 code units), so a block is scanned
// once whatever the size of the list. The trie is built breadth first from the sorted words, so
// each node's children are consecutive ids with ascending labels: a few typed arrays hold it all
// (20,000 words make some 40,000 nodes; one Map per node would cost far more to build).

/** A compiled word list. Build once per list with {@link compileWordList}; reuse for every text. */
export interface WordMatcher {
  readonly size: number;
  /** Per node: the code unit leading to it. */
  readonly label: Uint16Array;
  /** Per node: its first child's id, and how many children it has. */
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  /** The root's children by code unit (the root is where a scan falls back to most). */
  readonly rootNext: Int32Array;
  /** Per node: the longest proper suffix that is also a node. */
  readonly fail: Int32Array;
  /** Per node: the word ending exactly there, or -1. */
  readonly out: Int32Array;
  /** Per node: the nearest node down its suffix chain where a word ends, or 0. */
  readonly dict: Int32Array;
  readonly words: readonly WordSpec[];
}

/** One occurrence of a listed word in a text (UTF-16 offsets). */
export interface WordHit {
  start: number;
  end: number;
  word: WordSpec;
}

const ALNUM = /[A-Za-z0-9]/;

/** The child of `node` labelled `c`, or 0 (the root is nobody's child). */
function step(m: WordMatcher, node: number, c: number): number {
  if (node === 0) return m.rootNext[c]!;
  let lo = m.childStart[node]!;
  let hi = lo + m.childCount[node]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const l = m.label[mid]!;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export function compileWordList(entries: readonly WordSpec[]): WordMatcher {
  const seen = new Set<string>();
  // A word listed twice counts once (the first); the store never holds two.
  const words = entries.filter((e) => e.word !== '' && !seen.has(e.word) && seen.add(e.word));
  // Code-unit order (the default sort), so that words sharing a prefix are neighbours.
  const order = words.map((_, i) => i).sort((a, b) => (words[a]!.word < words[b]!.word ? -1 : 1));
  const sorted = order.map((i) => words[i]!.word);
  let capacity = 1;
  for (const w of sorted) capacity += w.length;
  const label = new Uint16Array(capacity);
  const childStart = new Int32Array(capacity);
  const childCount = new Int32Array(capacity);
  const out = new Int32Array(capacity).fill(-1);
  const parent = new Int32Array(capacity);
  // Per node: the range of sorted words below it, and its depth.
  const lo = new Int32Array(capacity);
  const hi = new Int32Array(capacity);
  const depth = new Int32Array(capacity);
  hi[0] = sorted.length;
  let count = 1;
  // Nodes are numbered in the order they are made, breadth first: the loop visits each once.
  for (let node = 0; node < count; node++) {
    const d = depth[node]!;
    let i = lo[node]!;
    const end = hi[node]!;
    // Sorted: the word ending at this node (at most one: words are unique) comes first.
    if (i < end && sorted[i]!.length === d) out[node] = order[i++]!;
    childStart[node] = count;
    while (i < end) {
      const c = sorted[i]!.charCodeAt(d);
      let j = i + 1;
      while (j < end && sorted[j]!.charCodeAt(d) === c) j++;
      label[count] = c;
      parent[count] = node;
      lo[count] = i;
      hi[count] = j;
      depth[count] = d + 1;
      count++;
      i = j;
    }
    childCount[node] = count - childStart[node]!;
  }
  const rootNext = new Int32Array(0x10000);
  for (let k = 0; k < childCount[0]!; k++) rootNext[label[childStart[0]! + k]!] = childStart[0]! + k;
  const fail = new Int32Array(count);
  const dict = new Int32Array(count);
  const m: WordMatcher = {
    size: words.length,
    label: label.subarray(0, count),
    childStart: childStart.subarray(0, count),
    childCount: childCount.subarray(0, count),
    rootNext,
    fail,
    out: out.subarray(0, count),
    dict,
    words,
  };
  // Breadth first (id order): a node's failure link points at a shallower node, already linked.
  for (let node = 1; node < count; node++) {
    const p = parent[node]!;
    const c = label[node]!;
    let f = 0;
    if (p !== 0) {
      f = fail[p]!;
      let target = step(m, f, c);
      while (target === 0 && f !== 0) {
        f = fail[f]!;
        target = step(m, f, c);
      }
      f = target;
    }
    fail[node] = f;
    dict[node] = m.out[f]! !== -1 ? f : dict[f]!;
  }
  return m;
}

/**
 * Every occurrence of every listed word in `text`, overlapping ones included, in order of their
 * end. Words are matched exactly (case too); a word that starts or ends with a Latin letter or digit
 * matches only where the text has no letter or digit next to it (`ok` is not found in `book`).
 */
export function matchWords(text: string, m: WordMatcher): WordHit[] {
  const hits: WordHit[] = [];
  if (m.size === 0) return hits;
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let child = step(m, node, c);
    while (child === 0 && node !== 0) {
      node = m.fail[node]!;
      child = step(m, node, c);
    }
    node = child;
    for (let k = m.out[node]! !== -1 ? node : m.dict[node]!; k !== 0; k = m.dict[k]!) {
      const word = m.words[m.out[k]!]!;
      const end = i + 1;
      const start = end - word.word.length;
      if (ALNUM.test(word.word[0]!) && ALNUM.test(text[start - 1] ?? '')) continue;
      if (ALNUM.test(word.word[word.word.length - 1]!) && ALNUM.test(text[end] ?? '')) continue;
      hits.push({ start, end, word });
    }
  }
  return hits;
}

/** Of the hits of `kind`, the leftmost-longest ones that do not overlap (`帐号` before `帐` when both are listed). */
export function pickHits(hits: readonly WordHit[], kind: WordKind): WordHit[] {
  const sorted = hits.filter((h) => h.word.kind === kind).sort((a, b) => a.start - b.start || b.end - a.end);
  const picked: WordHit[] = [];
  let reach = 0;
  for (const h of sorted) {
    if (h.start < reach) continue;
    picked.push(h);
    reach = h.end;
  }
  return picked;
}

/** Why a line of a word list file is refused (also the key of its translation, `wordList.problems.<problem>`). */
export type WordLineProblem =
  | 'prefix'
  | 'empty'
  | 'too-long'
  | 'control'
  | 'arrow'
  | 'good-replacement'
  | 'replacement-empty'
  | 'replacement-too-long'
  | 'replacement-control'
  | 'conflict';

/** The same, in English, for the error's message and details (the UI translates by the problem). */
export const WORD_LINE_PROBLEMS: Readonly<Record<WordLineProblem, string>> = {
  prefix: 'a line starts with + (good word) or - (bad word)',
  empty: 'no word after the sign',
  'too-long': `a word has at most ${WORDLIST_LIMITS.wordChars} characters`,
  control: 'a word cannot hold tabs or control characters',
  arrow: `a word cannot hold ${REPLACEMENT_ARROW}`,
  'good-replacement': `a good word takes no replacement (${REPLACEMENT_ARROW})`,
  'replacement-empty': `nothing after ${REPLACEMENT_ARROW}`,
  'replacement-too-long': `a replacement has at most ${WORDLIST_LIMITS.replacementChars} characters`,
  'replacement-control': 'a replacement cannot hold tabs or control characters',
  conflict: 'the word is listed earlier in the file differently',
};

export interface WordLineError {
  /** 1-based. */
  line: number;
  problem: WordLineProblem;
}

export interface ParsedWordList {
  /** In file order, each word once. */
  entries: Array<WordSpec & { line: number }>;
  /** Lines repeating an earlier entry just so. */
  repeated: number;
  /** Refused lines, in order (at most `maxErrors`). */
  errors: WordLineError[];
}

function parseLine(raw: string): WordSpec | WordLineProblem | null {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return null;
  const sign = line[0];
  if (sign !== '+' && sign !== '-') return 'prefix';
  const kind: WordKind = sign === '+' ? 'good' : 'bad';
  const body = line.slice(1);
  const arrow = body.indexOf(REPLACEMENT_ARROW);
  const word = normalizeWord(arrow === -1 ? body : body.slice(0, arrow));
  const wordIssue = wordProblem(word);
  if (wordIssue) return wordIssue;
  if (arrow === -1) return { word, kind, replacement: null };
  if (kind === 'good') return 'good-replacement';
  const replacement = normalizeWord(body.slice(arrow + REPLACEMENT_ARROW.length));
  if (replacement === '') return 'replacement-empty';
  const replIssue = replacementProblem(replacement);
  if (replIssue) return `replacement-${replIssue}`;
  return { word, kind, replacement };
}

/**
 * Reads a word list file's text (a leading BOM is ignored). Every line is checked: a caller refuses
 * the whole file when `errors` is not empty, so that a half-read list never replaces anything.
 */
export function parseWordList(text: string, maxErrors = 100): ParsedWordList {
  const entries: ParsedWordList['entries'] = [];
  const errors: WordLineError[] = [];
  const seen = new Map<string, WordSpec>();
  let repeated = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length && errors.length < maxErrors; i++) {
    const parsed = parseLine(lines[i]!);
    if (parsed === null) continue;
    if (typeof parsed === 'string') {
      errors.push({ line: i + 1, problem: parsed });
      continue;
    }
    const earlier = seen.get(parsed.word);
    if (earlier) {
      if (earlier.kind === parsed.kind && earlier.replacement === parsed.replacement) repeated++;
      else errors.push({ line: i + 1, problem: 'conflict' });
      continue;
    }
    seen.set(parsed.word, parsed);
    entries.push({ ...parsed, line: i + 1 });
  }
  return { entries, repeated, errors };
}

/** Code-point order, the same on every machine (no locale), for a stable file. */
function byWord(a: WordSpec, b: WordSpec): number {
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}

/** Writes a word list in the text format: a short header, the good words, then the bad ones; read back by {@link parseWordList}. */
export function formatWordList(entries: readonly WordSpec[]): string {
  const good = entries.filter((e) => e.kind === 'good').sort(byWord);
  const bad = entries.filter((e) => e.kind === 'bad').sort(byWord);
  const lines = [
    '# 编校台词表 Casebook Workbench word list (UTF-8)',
    `# +词 good word, never flagged; -错词 ${REPLACEMENT_ARROW} 正词 bad word with its replacement; -错词 bad word`,
    ...good.map((e) => `+${e.word}`),
    ...bad.map((e) => (e.replacement === null ? `-${e.word}` : `-${e.word} ${REPLACEMENT_ARROW} ${e.replacement}`)),
  ];
  return `${lines.join('\n')}\n`;
}
