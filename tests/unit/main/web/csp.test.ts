import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCsp, securityHeaders } from '../../../../main/web/csp.ts';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

test('the browser-mode policy allows only our own scripts and no framing', () => {
  const d = directives(buildCsp());
  assert.deepEqual(d.get('default-src'), [`'self'`]);
  assert.deepEqual(d.get('script-src'), [`'self'`]);
  assert.deepEqual(d.get('worker-src'), [`'self'`, 'blob:']);
  assert.deepEqual(d.get('img-src'), [`'self'`, 'blob:', 'data:']);
  assert.deepEqual(d.get('connect-src'), [`'self'`]);
  assert.deepEqual(d.get('object-src'), [`'none'`]);
  assert.deepEqual(d.get('base-uri'), [`'none'`]);
  assert.deepEqual(d.get('frame-ancestors'), [`'none'`]);
  assert.equal(securityHeaders()['Content-Security-Policy'], buildCsp());
});

test('extras are appended to their directive only', () => {
  const d = directives(buildCsp({ img: ['scan:'], connect: ['scan:'] }));
  assert.deepEqual(d.get('img-src'), [`'self'`, 'blob:', 'data:', 'scan:']);
  assert.deepEqual(d.get('connect-src'), [`'self'`, 'scan:']);
  assert.deepEqual(d.get('script-src'), [`'self'`]);
});
