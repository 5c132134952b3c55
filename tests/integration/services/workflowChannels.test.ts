// The store's tags, assignees, stage counts and search, reached through the contract like the UI will.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseSummary, Tag, Volume } from '../../../shared/model/entities.ts';
import type { SearchResult } from '../../../shared/model/search.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

describe('tags, assignees, stage counts and search over the contract', () => {
  let app: Booted;
  let volume: Volume;
  let cases: CaseSummary[];

  before(async () => {
    app = await bootTemp();
    volume = await call<Volume>(app, 'sample:install');
    cases = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
    assert.ok(cases.length >= 2);
  });
  after(() => app.done());

  test('tagging by name creates the tag once; rename, untag and delete', async () => {
    const [a, b] = cases as [CaseSummary, CaseSummary];
    const tagsA = await call<Tag[]>(app, 'cases:tag', { id: a.id, name: ' 社区 ' });
    assert.deepEqual(
      tagsA.map((t) => t.name),
      ['社区'],
    );
    await call(app, 'cases:tag', { id: b.id, name: '社区' });
    await call(app, 'cases:tag', { id: b.id, name: '农村' });
    assert.deepEqual((await call<Tag[]>(app, 'tags:list')).map((t) => t.name).sort(), ['农村', '社区'].sort());
    const community = tagsA[0]!;
    const clash = await app.dispatch('tags:rename', { id: community.id, name: '农村' });
    assert.equal(clash.ok ? null : clash.error.code, 'CONFLICT');
    assert.equal((await call<Tag>(app, 'tags:rename', { id: community.id, name: '街道社区' })).name, '街道社区');
    assert.deepEqual(
      (await call<Tag[]>(app, 'cases:untag', { id: b.id, tagId: community.id })).map((t) => t.name),
      ['农村'],
    );
    await call(app, 'tags:delete', { id: community.id });
    assert.deepEqual(await call<Tag[]>(app, 'cases:tags', { id: a.id }), []);
  });

  test('tagging an unknown case is NOT_FOUND and leaves no new tag', async () => {
    const before = await call<Tag[]>(app, 'tags:list');
    const res = await app.dispatch('cases:tag', { id: 99_999, name: '孤儿标签' });
    assert.equal(res.ok ? null : res.error.code, 'NOT_FOUND');
    assert.deepEqual(await call<Tag[]>(app, 'tags:list'), before);
    const blank = await app.dispatch('cases:tag', { id: cases[0]!.id, name: '   ' });
    assert.equal(blank.ok ? null : blank.error.code, 'VALIDATION');
  });

  test('stage counts cover every stage and follow a stage change; assignee set and cleared', async () => {
    const counts = await call<Record<string, number>>(app, 'cases:stageCounts', { volumeId: volume.id });
    assert.equal(
      Object.values(counts).reduce((x, y) => x + y, 0),
      cases.length,
    );
    assert.equal(counts.review1, 0);
    await call(app, 'prefs:set', { userName: '甲' });
    await call(app, 'cases:act', { id: cases[0]!.id, action: { kind: 'signoff', to: 'review1' } });
    assert.equal((await call<Record<string, number>>(app, 'cases:stageCounts', { volumeId: volume.id })).review1, 1);
    assert.equal(
      (await call<CaseSummary>(app, 'cases:setAssignee', { id: cases[0]!.id, assignee: '王校对' })).assignee,
      '王校对',
    );
    assert.equal((await call<CaseSummary>(app, 'cases:setAssignee', { id: cases[0]!.id, assignee: null })).assignee, null);
    const unknown = await app.dispatch('cases:stageCounts', { volumeId: 99_999 });
    assert.equal(unknown.ok ? null : unknown.error.code, 'NOT_FOUND');
  });

  test('search finds long and short terms, within a volume, grouped, with excerpts', async () => {
    const long = await call<SearchResult>(app, 'search:cases', { query: '民情论坛' });
    assert.ok(long.volumes[0]!.cases.some((h) => h.title.includes('民情论坛')));
    const short = await call<SearchResult>(app, 'search:cases', { query: '党', volumeId: volume.id, limit: 500 });
    assert.ok(short.total > 0);
    assert.deepEqual(
      short.volumes.map((g) => g.volumeId),
      [volume.id],
    );
    assert.ok(short.volumes[0]!.cases.some((h) => h.snippets.some((s) => s.text.includes('党'))));
    for (const query of ['   ', '，。']) {
      const none = await app.dispatch('search:cases', { query });
      assert.equal(none.ok ? null : none.error.code, 'SEARCH_EMPTY_QUERY');
    }
    const long201 = await app.dispatch('search:cases', { query: '党'.repeat(201) });
    assert.equal(long201.ok ? null : long201.error.code, 'VALIDATION');
    const unknown = await app.dispatch('search:cases', { query: '社区', volumeId: 99_999 });
    assert.equal(unknown.ok ? null : unknown.error.code, 'NOT_FOUND');
  });
});
