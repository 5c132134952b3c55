import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyFixes, findSuspects, type Suspect } from '../../../../shared/proof/suspects.ts';
import { loadSimplifier } from '../../../../shared/proof/simplifier.ts';

const seed = (name: string) => readFileSync(new URL(`../../../fixtures/seed/${name}`, import.meta.url), 'utf8');

function kinds(ss: Suspect[]): string[] {
  return ss.map((s) => s.kind);
}

describe('findSuspects', () => {
  test('U+FFFD and extraction garbage, fixed by removal', () => {
    const text = '\uFFFD\uFFFD———兰州市党总 !!!!支，见%%/%%第三页';
    const ss = findSuspects(text);
    assert.deepEqual(kinds(ss), ['replacement-char', 'garbage', 'garbage']);
    assert.equal(applyFixes(text, ss), '———兰州市党总支，见第三页');
  });

  test('leader runs are garbage, a normal ellipsis is not', () => {
    assert.deepEqual(findSuspects('他说……好'), []);
    assert.deepEqual(kinds(findSuspects('目录…………………317')), ['garbage']);
  });

  test('half-width punctuation between CJK gets its full-width form', () => {
    const text = '社区,共有居民: 1412户;党员(含预备)多吗?是!';
    const ss = findSuspects(text);
    assert.equal(
      applyFixes(
        text,
        ss.filter((s) => s.kind === 'halfwidth-punct'),
      ),
      '社区，共有居民: 1412户；党员（含预备）多吗？是！',
    );
    // `: ` before a digit is not between CJK characters.
    assert.ok(!ss.some((s) => text.slice(s.start, s.end).startsWith(':')));
  });

  test('ASCII punctuation in Latin or numeric context is left alone', () => {
    assert.deepEqual(findSuspects('GDP 1,412.5 (approx.) ok? 10:30'), []);
  });

  test('spaces inside CJK runs are suspect; phrase gaps may be allowed', () => {
    const text = '社区 共有， 居民';
    assert.equal(applyFixes(text, findSuspects(text)), '社区共有，居民');
    assert.deepEqual(findSuspects('开设“民情论坛” 打造和谐家园', { allowPhraseSpaces: true }), []);
    assert.deepEqual(kinds(findSuspects('开设“民情论坛” 打造和谐家园')), ['cjk-space']);
  });

  test('Latin look-alikes inside numbers next to Han text', () => {
    const text = '2O10年l2月，共1O0人；iPhone2O不算';
    const ss = findSuspects(text);
    assert.deepEqual(
      ss.map((s) => [text.slice(s.start, s.end), s.fix]),
      [
        ['2O10', '2010'],
        ['l2', '12'],
        ['1O0', '100'],
      ],
    );
  });

  test('unbalanced pairs are reported per paragraph without a fix', () => {
    const text = '开设“民情论坛打造《和谐》家园\n（一）【二';
    const ss = findSuspects(text);
    assert.deepEqual(
      ss.map((s) => [text[s.start], s.fix]),
      [
        ['“', undefined],
        ['【', undefined],
      ],
    );
    assert.deepEqual(findSuspects('“甲”（乙）《丙》【丁】'), []);
    assert.deepEqual(kinds(findSuspects('甲”乙')), ['unbalanced']);
  });

  test('traditional characters in simplified text, with the simplified form as fix', async () => {
    const simplify = await loadSimplifier();
    const text = '社區發展，后来於是';
    const ss = findSuspects(text, { simplify });
    assert.deepEqual(
      ss.map((s) => [text.slice(s.start, s.end), s.fix]),
      [
        ['區', '区'],
        ['發', '发'],
        ['於', '于'],
      ],
    );
  });

  test('the clean seed text has no suspects except its intentional phrase gaps', async () => {
    const simplify = await loadSimplifier();
    // TOC lines are tab-separated columns, not running text.
    const lines = seed('excerpt.truth.txt')
      .split('\n')
      .filter((l) => !l.includes('\t'));
    const found = lines.flatMap((line) => findSuspects(line, { simplify }).map((s) => ({ line, s })));
    // The README lists the only ASCII spaces left: title phrase gaps, the byline gap and TOC lines.
    for (const { line, s } of found) {
      assert.equal(s.kind, 'cjk-space', `${s.kind} in ${line}`);
      assert.equal(line.slice(s.start, s.end), ' ');
    }
  });

  test('the raw seed extraction is full of suspects of the expected kinds', () => {
    const raw = seed('excerpt.txt');
    const found = new Set(raw.split('\n').flatMap((l) => kinds(findSuspects(l))));
    for (const k of ['replacement-char', 'garbage', 'cjk-space']) assert.ok(found.has(k), k);
  });

  test('suspects never overlap and are sorted', () => {
    const ss = findSuspects('甲 ,乙!!!丙\uFFFD (丁 2O1O年');
    for (let i = 1; i < ss.length; i++) assert.ok(ss[i - 1]!.end <= ss[i]!.start);
  });
});
