import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileQuery, expandReplacement, findMatches, replaceAllInText, replacementFor } from '../../../../shared/proof/find.ts';

function re(query: string, regex = false, caseSensitive = false): RegExp {
  const c = compileQuery(query, { regex, caseSensitive });
  assert.ok(c.ok);
  return c.re;
}

describe('find and replace', () => {
  test('literal search escapes regex characters and spans blocks', () => {
    const texts = ['民情(论坛)', '无', '民情(论坛)再见民情(论坛)'];
    assert.deepEqual(findMatches(texts, re('民情(论坛)')), [
      { block: 0, start: 0, end: 6 },
      { block: 2, start: 0, end: 6 },
      { block: 2, start: 8, end: 14 },
    ]);
  });

  test('case sensitivity', () => {
    assert.equal(findMatches(['Abc abc'], re('abc')).length, 2);
    assert.equal(findMatches(['Abc abc'], re('abc', false, true)).length, 1);
  });

  test('invalid and empty queries are reported, not thrown', () => {
    assert.equal(compileQuery('(', { regex: true, caseSensitive: false }).ok, false);
    assert.equal(compileQuery('', { regex: false, caseSensitive: false }).ok, false);
  });

  test('empty regex matches are skipped', () => {
    assert.deepEqual(findMatches(['ab'], re('x*', true)), []);
    assert.equal(replaceAllInText('ab', re('x*', true), '-', true), 'ab');
  });

  test('regex replacement expands groups like String.replace', () => {
    const r = re('(\\d+)年(?<m>\\d+)月', true);
    const text = '于2010年10月成立';
    const [m] = findMatches([text], r);
    assert.ok(m);
    assert.equal(replacementFor(text, m, r, '$<m>/$1 [$&] $$', true), '10/2010 [2010年10月] $');
    assert.equal(replaceAllInText(text, r, '$1-$2', true), text.replace(/(\d+)年(\d+)月/g, '$1-$2'));
    assert.equal(replaceAllInText('a,b', re(',', false), '$1', false), 'a$1b');
  });

  test('expandReplacement matches the engine on tricky tokens', () => {
    const r = /(a)(b)?/;
    for (const rep of ['$12', '$3', '$0', "$'", '$`', '$<x>']) {
      const input = 'xaby';
      const m = r.exec(input)!;
      assert.equal(
        input.slice(0, m.index) + expandReplacement(m, input, rep) + input.slice(m.index + m[0].length),
        input.replace(r, rep),
        rep,
      );
    }
  });
});
