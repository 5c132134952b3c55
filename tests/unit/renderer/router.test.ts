import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, routeHref, type Route } from '../../../renderer/router.ts';

test('routes round-trip through the hash', () => {
  const routes: Route[] = [{ name: 'library' }, { name: 'volume', id: 3 }, { name: 'case', id: 12 }];
  for (const r of routes) assert.deepEqual(parseRoute(routeHref(r)), r);
  assert.equal(routeHref({ name: 'case', id: 12 }), '#/case/12');
});

test('anything else is the library, including a token hash', () => {
  for (const h of ['', '#', '#/', '#token=abc', '#/volume/0', '#/volume/x', '#/case/1/extra', '#/volume/99999999999999999999']) {
    assert.deepEqual(parseRoute(h), { name: 'library' }, h);
  }
  assert.deepEqual(parseRoute('#/volume/5/'), { name: 'volume', id: 5 });
});

test('a case route may carry a search hit to select; a search route its query and filters', () => {
  const routes: Route[] = [
    { name: 'case', id: 12, hit: { at: 0, length: 2, text: '村委' } },
    { name: 'case', id: 12, hit: { at: 345, length: 5, text: 'A&B=?' } },
    { name: 'search', search: { query: '党 建', exact: false, volumeId: null, stage: null, tagId: null } },
    { name: 'search', search: { query: '“民情论坛”&#', exact: true, volumeId: 2, stage: 'review1', tagId: 7 } },
  ];
  for (const r of routes) assert.deepEqual(parseRoute(routeHref(r)), r);
  assert.deepEqual(parseRoute('#/case/12?at=x&len=2&find=党'), { name: 'case', id: 12 }, 'a malformed hit is dropped');
  assert.deepEqual(parseRoute('#/case/12?at=1&len=0&find=党'), { name: 'case', id: 12 });
  assert.deepEqual(parseRoute('#/search?q=党&volume=0&tag=x'), {
    name: 'search',
    search: { query: '党', exact: false, volumeId: null, stage: null, tagId: null },
  });
});

test('a case route may open the case at a page of the volume (the dashboard page grid links so)', () => {
  for (const r of [
    { name: 'case', id: 12, page: 0 },
    { name: 'case', id: 12, page: 37 },
  ] satisfies Route[]) {
    assert.deepEqual(parseRoute(routeHref(r)), r);
  }
  assert.equal(routeHref({ name: 'case', id: 12, page: 4 }), '#/case/12?page=4');
  assert.deepEqual(parseRoute('#/case/12?page=x'), { name: 'case', id: 12 }, 'a malformed page is dropped');
  assert.deepEqual(parseRoute('#/case/12?page=-1'), { name: 'case', id: 12 });
});
