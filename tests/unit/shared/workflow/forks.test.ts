import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findForks, linkNewEvent, logHeads, stageConflict } from '../../../../shared/workflow/forks.ts';
import { formatHlc, hlcIso, nextHlc, parseHlc } from '../../../../shared/sync/hlc.ts';

const ev = (uuid: string, prev: string | null, merges: string[] = []) => ({ uuid, prev, merges });

test('a linear log has one head and no fork; a new event links to it', () => {
  const log = [ev('c', null), ev('s1', 'c'), ev('s2', 's1')];
  assert.deepEqual(
    logHeads(log).map((e) => e.uuid),
    ['s2'],
  );
  assert.deepEqual(findForks(log), []);
  assert.equal(stageConflict(log), null);
  assert.deepEqual(linkNewEvent(log), { prev: 's2', merges: [] });
});

test('two sign-offs on the same predecessor are a fork and an open conflict until an event closes both', () => {
  const log = [ev('c', null), ev('s1', 'c'), ev('a', 's1'), ev('b', 's1')];
  assert.deepEqual(
    findForks(log).map((g) => g.map((e) => e.uuid)),
    [['a', 'b']],
  );
  assert.deepEqual(
    stageConflict(log)?.map((e) => e.uuid),
    ['a', 'b'],
  );
  const link = linkNewEvent(log);
  assert.deepEqual(link, { prev: 'b', merges: ['a'] });
  const resolved = [...log, ev('r', link.prev, link.merges)];
  assert.equal(stageConflict(resolved), null);
  assert.deepEqual(findForks(resolved).length, 1, 'the fork stays in the history');
});

test('events logged before sync (no prev) chain by log order', () => {
  const log = [ev('c', null), ev('old1', null), ev('old2', null), ev('new', 'old2')];
  assert.equal(stageConflict(log), null);
  assert.deepEqual(linkNewEvent(log), { prev: 'new', merges: [] });
});

test('clock stamps sort like the clock and never run behind one already seen', () => {
  const a = nextHlc(null, 1_700_000_000_000, 'n1');
  const b = nextHlc(a, 1_699_999_999_000, 'n2'); // a slow clock
  const c = nextHlc(b, 1_700_000_000_500, 'n1');
  assert.ok(a < b && b < c);
  assert.deepEqual(parseHlc(b), { millis: 1_700_000_000_000, counter: 1, node: 'n2' });
  assert.equal(hlcIso(c), new Date(1_700_000_000_500).toISOString());
  assert.equal(parseHlc('nonsense'), null);
  assert.equal(formatHlc({ millis: 5, counter: 2, node: 'x' }), '000000000000005-00002-x');
});
