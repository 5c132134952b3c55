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
