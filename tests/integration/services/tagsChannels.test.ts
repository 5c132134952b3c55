// Tag colours, the tag map and the case table's bulk edits, through the contract and over browser mode's HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../shared/ipc/contract.ts';
import type { CaseSummary, Tag, Volume } from '../../../shared/model/entities.ts';
import type { AssigneeCount, BulkResult, CaseTagIds, TagUsage } from '../../../shared/model/tags.ts';
import { BULK_MAX_CASES } from '../../../shared/model/tags.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';
import { bootTemp, call } from './helpers.ts';

type Booted = Awaited<ReturnType<typeof bootTemp>>;

describe('tags and assignees over the contract and HTTP', () => {
  let app: Booted;
  let server: WebServer;
  let volume: Volume;
  let ids: number[];

  /** A channel over HTTP, as the browser calls it: the HTTP status and the envelope. */
  async function http<T>(channel: string, input: unknown): Promise<{ status: number; body: Envelope<T> }> {
    const res = await fetch(`${server.url}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as Envelope<T> };
  }
  async function ok<T>(channel: string, input: unknown): Promise<T> {
    const { status, body } = await http<T>(channel, input);
    assert.equal(status, 200, `${channel}: ${JSON.stringify(body)}`);
    assert.ok(body.ok);
    return body.value;
  }
  const errorCode = (body: Envelope<unknown>) => (body.ok ? null : body.error.code);

  before(async () => {
    app = await bootTemp();
    server = await startWebServer({ dispatch: app.dispatch, staticDir: app.dir, scansDir: app.scansDir });
    volume = await call<Volume>(app, 'sample:install');
    ids = (await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id })).map((c) => c.id);
    assert.ok(ids.length >= 2);
  });
  after(async () => {
    await server.close();
    await app.done();
  });

  test('bulk-tag two cases by name with a colour, see them in the tag map, then untag one', async () => {
    const [a, b] = ids as [number, number];
    const tagged = await ok<BulkResult & { tag: Tag }>('cases:bulkTag', { ids: [a, b], name: '社区', color: '#3B73C4' });
    assert.equal(tagged.changed, 2);
    assert.deepEqual({ name: tagged.tag.name, color: tagged.tag.color }, { name: '社区', color: '#3b73c4' });
    const map = await ok<CaseTagIds[]>('cases:tagMap', { volumeId: volume.id });
    assert.deepEqual(
      map,
      [a, b].sort((x, y) => x - y).map((caseId) => ({ caseId, tagIds: [tagged.tag.id] })),
    );
    const usage = await ok<TagUsage[]>('tags:list', {});
    assert.deepEqual(
      usage.map((u) => [u.name, u.color, u.cases]),
      [['社区', '#3b73c4', 2]],
    );
    assert.deepEqual(await ok<BulkResult>('cases:bulkUntag', { ids: [b], tagId: tagged.tag.id }), { changed: 1 });
    assert.deepEqual(await ok<CaseTagIds[]>('cases:tagMap', { volumeId: volume.id }), [{ caseId: a, tagIds: [tagged.tag.id] }]);
  });

  test('setting a colour: #rrggbb or empty; anything else is a 400 VALIDATION, an unknown tag a 404', async () => {
    const tag = (await call<BulkResult & { tag: Tag }>(app, 'cases:bulkTag', { ids: [ids[0]], name: '企业' })).tag;
    assert.equal(tag.color, '');
    assert.equal((await ok<Tag>('tags:setColor', { id: tag.id, color: '#2A9D99' })).color, '#2a9d99');
    for (const color of ['teal', '#2a9d9', 'rgb(0,0,0)', '#2a9d99; background: url(x)']) {
      const res = await http('tags:setColor', { id: tag.id, color });
      assert.equal(res.status, 400, color);
      assert.equal(errorCode(res.body), 'VALIDATION');
    }
    const bad = await http('cases:bulkTag', { ids: [ids[0]], name: '新标签', color: 'red' });
    assert.equal(errorCode(bad.body), 'VALIDATION');
    assert.ok(!(await call<Tag[]>(app, 'tags:list')).some((t) => t.name === '新标签'));
    assert.equal((await call<Tag>(app, 'tags:setColor', { id: tag.id, color: '' })).color, '');
    const unknown = await http('tags:setColor', { id: 99_999, color: '#000000' });
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown.body), 'NOT_FOUND');
  });

  test('unknown case ids are refused with 404 and nothing written, for tagging, untagging and assigning', async () => {
    const tagsBefore = await call<Tag[]>(app, 'tags:list');
    const mapBefore = await call<CaseTagIds[]>(app, 'cases:tagMap', { volumeId: volume.id });
    const listBefore = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
    const mixed = [...ids, 99_998, 99_999];
    for (const [channel, input] of [
      ['cases:bulkTag', { ids: mixed, name: '农村', color: '#3f9d5a' }],
      ['cases:bulkUntag', { ids: mixed, tagId: tagsBefore[0]!.id }],
      ['cases:bulkAssign', { ids: mixed, assignee: '王编辑' }],
      ['cases:bulkAssign', { ids: mixed, assignee: null }],
    ] as const) {
      const res = await http(channel, input);
      assert.equal(res.status, 404, channel);
      assert.equal(errorCode(res.body), 'NOT_FOUND');
      assert.deepEqual(res.body.ok ? null : (res.body.error.details as { ids: number[] }).ids, [99_998, 99_999]);
    }
    assert.deepEqual(await call(app, 'tags:list'), tagsBefore);
    assert.deepEqual(await call(app, 'cases:tagMap', { volumeId: volume.id }), mapBefore);
    assert.deepEqual(await call(app, 'cases:list', { volumeId: volume.id }), listBefore);
    const noVolume = await http('cases:tagMap', { volumeId: 99_999 });
    assert.equal(noVolume.status, 404);
  });

  test('bulk id lists are bounded: empty or over the limit is VALIDATION', async () => {
    const empty = await http('cases:bulkAssign', { ids: [], assignee: '王编辑' });
    assert.equal(errorCode(empty.body), 'VALIDATION');
    const tooMany = Array.from({ length: BULK_MAX_CASES + 1 }, (_, i) => i + 1);
    const over = await http('cases:bulkTag', { ids: tooMany, name: '社区' });
    assert.equal(over.status, 400);
    assert.equal(errorCode(over.body), 'VALIDATION');
    const blank = await http('cases:bulkAssign', { ids: [ids[0]], assignee: '   ' });
    assert.equal(errorCode(blank.body), 'VALIDATION');
  });

  test('bulk assign and clear, and the distinct assignees for the filter', async () => {
    const [a, b] = ids as [number, number];
    assert.deepEqual(await ok<BulkResult>('cases:bulkAssign', { ids: [a, b], assignee: ' 王编辑 ' }), { changed: 2 });
    assert.deepEqual(await ok<AssigneeCount[]>('cases:assignees', {}), [{ name: '王编辑', cases: 2 }]);
    assert.deepEqual(await ok<BulkResult>('cases:bulkAssign', { ids: [b], assignee: null }), { changed: 1 });
    const list = await call<CaseSummary[]>(app, 'cases:list', { volumeId: volume.id });
    assert.deepEqual(
      [a, b].map((id) => list.find((c) => c.id === id)?.assignee),
      ['王编辑', null],
    );
    assert.deepEqual(await ok<AssigneeCount[]>('cases:assignees', {}), [{ name: '王编辑', cases: 1 }]);
  });
});
