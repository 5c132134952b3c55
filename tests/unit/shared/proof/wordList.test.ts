import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WORDLIST_LIMITS, type WordSpec } from '../../../../shared/model/wordList.ts';
import { applyFixes, findSuspects, type Suspect } from '../../../../shared/proof/suspects.ts';
import { loadSimplifier } from '../../../../shared/proof/simplifier.ts';
import {
  compileWordList,
  formatWordList,
  matchWords,
  parseWordList,
  pickHits,
  type WordHit,
} from '../../../../shared/proof/wordList.ts';

const good = (word: string): WordSpec => ({ word, kind: 'good', replacement: null });
const bad = (word: string, replacement: string | null = null): WordSpec => ({ word, kind: 'bad', replacement });

const spans = (hits: readonly WordHit[]) => hits.map((h) => `${h.word.word}@${h.start}`).sort();

/** The obvious quadratic search, to check the automaton against. */
function naive(text: string, words: readonly WordSpec[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (let i = text.indexOf(w.word); i !== -1; i = text.indexOf(w.word, i + 1)) out.push(`${w.word}@${i}`);
  }
  return out.sort();
}

describe('matchWords', () => {
  test('finds every occurrence, overlapping and nested ones too', () => {
    const words = [bad('帐号'), bad('帐'), good('号码'), good('社区'), good('区委'), bad('区')];
    const m = compileWordList(words);
    const text = '帐号码在社区委员会，社区委，帐帐号';
    assert.deepEqual(spans(matchWords(text, m)), naive(text, words));
  });

  test('agrees with a naive search on random texts over a small alphabet', () => {
    // A small alphabet makes many shared prefixes and suffixes: the failure links get exercised.
    const alphabet = ['甲', '乙', '丙', '丁', '𠀀'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
    for (let round = 0; round < 30; round++) {
      const unique = new Map<string, WordSpec>();
      for (let i = 0; i < 12; i++) {
        const w = word(1 + rand(4));
        unique.set(w, rand(2) ? good(w) : bad(w));
      }
      const words = [...unique.values()];
      const text = word(80);
      assert.deepEqual(spans(matchWords(text, compileWordList(words))), naive(text, words), `round ${round}`);
    }
  });

  test('characters outside the BMP are matched whole', () => {
    const m = compileWordList([good('𠮷野家')]);
    assert.deepEqual(spans(matchWords('去𠮷野家吃', m)), ['𠮷野家@1']);
  });

  test('a Latin word matches only as a whole word; Chinese words anywhere', () => {
    const m = compileWordList([bad('teh', 'the'), bad('Wechat', 'WeChat'), bad('象', '像')]);
    assert.deepEqual(spans(matchWords('teh tehran eteh teh.', m)), ['teh@0', 'teh@16']);
    assert.deepEqual(spans(matchWords('用Wechat联系，好象', m)), ['Wechat@1', '象@11']);
    // Exact case.
    assert.deepEqual(matchWords('wechat', m), []);
  });

  test('an empty list finds nothing; a word given twice is found once', () => {
    assert.deepEqual(matchWords('任何文字', compileWordList([])), []);
    assert.deepEqual(spans(matchWords('文字', compileWordList([good('文字'), bad('文字'), good('')]))), ['文字@0']);
  });

  test('bad hits are picked leftmost-longest without overlaps', () => {
    const m = compileWordList([bad('帐'), bad('帐号'), bad('号码')]);
    const picked = pickHits(matchWords('帐号码帐', m), 'bad');
    assert.deepEqual(
      picked.map((h) => [h.word.word, h.start]),
      [
        ['帐号', 0],
        ['帐', 3],
      ],
    );
  });

  test('thousands of words compile and match', () => {
    const words: WordSpec[] = [];
    for (let i = 0; i < 5000; i++) words.push(i % 2 ? good(`社区${i}号`) : bad(`错词${i}`, `正词${i}`));
    const m = compileWordList(words);
    const hits = matchWords('这里有错词42和社区4999号，还有错词4', m);
    // 错词4 ends with a digit, so it is not found inside 错词42.
    assert.deepEqual(spans(hits), ['社区4999号@8', '错词42@3', '错词4@18'].sort());
    assert.deepEqual(
      pickHits(hits, 'bad').map((h) => h.word.word),
      ['错词42', '错词4'],
    );
  });
});

describe('findSuspects with a word list', () => {
  const kinds = (ss: Suspect[]) => ss.map((s) => s.kind);

  test('a bad word is flagged with its replacement as the fix, or none', () => {
    const words = compileWordList([bad('帐号', '账号'), bad('的的')]);
    const text = '登录帐号的的确确';
    const ss = findSuspects(text, { words });
    assert.deepEqual(
      ss.map((s) => [s.kind, text.slice(s.start, s.end), s.fix]),
      [
        ['bad-word', '帐号', '账号'],
        ['bad-word', '的的', undefined],
      ],
    );
    assert.equal(applyFixes(text, ss), '登录账号的的确确');
  });

  test('a bad word wins over the built-in checks it overlaps', () => {
    const words = compileWordList([bad('2O10年', '2010年')]);
    const ss = findSuspects('于2O10年建成', { words });
    assert.deepEqual(kinds(ss), ['bad-word']);
    assert.equal(ss[0]!.fix, '2010年');
  });

  test('nothing inside a good word is flagged; outside it still is', async () => {
    const simplify = await loadSimplifier();
    const text = '發達地區，發展';
    assert.deepEqual(
      findSuspects(text, { simplify }).map((s) => text.slice(s.start, s.end)),
      ['發', '達', '區', '發'],
    );
    const words = compileWordList([good('發達地區')]);
    const ss = findSuspects(text, { simplify, words });
    assert.deepEqual(
      ss.map((s) => [s.kind, s.start]),
      [['traditional', 5]],
    );
    // Without the simplifier's help too: a good word hides the built-in checks.
    assert.deepEqual(findSuspects('型号l2O', { words: compileWordList([good('l2O')]) }), []);
  });

  test('a good word holding a bad word is its exception', () => {
    const words = compileWordList([bad('象', '像'), good('现象')]);
    const ss = findSuspects('好象是一种现象', { words });
    assert.deepEqual(
      ss.map((s) => [s.kind, s.start, s.fix]),
      [['bad-word', 1, '像']],
    );
  });

  test('a suspect reaching past the good word stays', () => {
    const words = compileWordList([good('甲')]);
    assert.deepEqual(kinds(findSuspects('甲 乙', { words })), ['cjk-space']);
  });
});

describe('word list text format', () => {
  test('reads good and bad words, replacements, comments, blank lines, a BOM and CRLF', () => {
    const text = '\uFEFF# 词表\r\n+乾隆\r\n\r\n-帐号 => 账号\r\n  -的的  \r\n-a=>b => c\n#+注释\n+ 现象 \n';
    const parsed = parseWordList(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.entries.map(({ word, kind, replacement, line }) => [word, kind, replacement, line]),
      [
        ['乾隆', 'good', null, 2],
        ['帐号', 'bad', '账号', 4],
        ['的的', 'bad', null, 5],
        ['a', 'bad', 'b => c', 6],
        ['现象', 'good', null, 8],
      ],
    );
  });

  test('words are NFC-normalized', () => {
    const decomposed = 'Cafe\u0301';
    const [entry] = parseWordList(`+${decomposed}`).entries;
    assert.equal(entry!.word, 'Café');
    assert.equal(entry!.word.length, 4);
  });

  test('bad lines are refused with their line numbers', () => {
    const long = '长'.repeat(WORDLIST_LIMITS.wordChars + 1);
    const text = [
      '+好', // 1
      '词', // 2: no sign
      '+', // 3: no word
      `-${long}`, // 4
      '+现象 => 现像', // 5: good word with a replacement
      '-错 =>', // 6
      '-好 => 坏', // 7: 好 is listed above as good
      '+好', // 8: the same again: not an error
      '-制\t表', // 9
      `-对 => ${'长'.repeat(WORDLIST_LIMITS.replacementChars + 1)}`, // 10
    ].join('\n');
    const parsed = parseWordList(text);
    assert.deepEqual(parsed.errors, [
      { line: 2, problem: 'prefix' },
      { line: 3, problem: 'empty' },
      { line: 4, problem: 'too-long' },
      { line: 5, problem: 'good-replacement' },
      { line: 6, problem: 'replacement-empty' },
      { line: 7, problem: 'conflict' },
      { line: 9, problem: 'control' },
      { line: 10, problem: 'replacement-too-long' },
    ]);
    assert.equal(parsed.repeated, 1);
    assert.deepEqual(
      parsed.entries.map((e) => e.word),
      ['好'],
    );
  });

  test('a word of exactly the limit is accepted (counted in characters, not UTF-16 units)', () => {
    const word = '𠀀'.repeat(WORDLIST_LIMITS.wordChars);
    assert.deepEqual(parseWordList(`+${word}`).errors, []);
  });

  test('export then import gives back the same list', () => {
    const list: WordSpec[] = [
      bad('帐号', '账号'),
      good('乾隆'),
      bad('的的'),
      good('#号'),
      bad('+1', '加一'),
      good('Hello World'),
      bad('-号', '负号'),
    ];
    const text = formatWordList(list);
    assert.ok(text.endsWith('\n'));
    const parsed = parseWordList(text);
    assert.deepEqual(parsed.errors, []);
    const key = (e: WordSpec) => `${e.kind}:${e.word}:${e.replacement}`;
    assert.deepEqual(parsed.entries.map((e) => key(e)).sort(), list.map(key).sort());
    // Stable: good words first, each kind in code-point order.
    assert.equal(formatWordList(parsed.entries), text);
    assert.deepEqual(
      text.split('\n').filter((l) => l && !l.startsWith('#')),
      ['+#号', '+Hello World', '+乾隆', '-+1 => 加一', '--号 => 负号', '-帐号 => 账号', '-的的'],
    );
  });

  test('stops collecting errors at the cap', () => {
    const parsed = parseWordList(Array.from({ length: 500 }, () => 'x').join('\n'), 10);
    assert.equal(parsed.errors.length, 10);
  });
});
