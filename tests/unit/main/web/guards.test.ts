import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedHost, isAllowedOrigin, isNavigation, mediaType, rawPathSegments } from '../../../../main/web/guards.ts';

test('Host must name our loopback address and port', () => {
  assert.equal(isAllowedHost('127.0.0.1:4000', 4000), true);
  assert.equal(isAllowedHost('localhost:4000', 4000), true);
  assert.equal(isAllowedHost('LOCALHOST:4000', 4000), true);
  for (const host of [
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:4001',
    'evil.example:4000',
    '[::1]:4000',
    'localhost.evil.example:4000',
  ]) {
    assert.equal(isAllowedHost(host, 4000), false, String(host));
  }
});

test('Origin, when sent, must be our own', () => {
  assert.equal(isAllowedOrigin(undefined, 4000), true);
  assert.equal(isAllowedOrigin('http://127.0.0.1:4000', 4000), true);
  assert.equal(isAllowedOrigin('http://localhost:4000', 4000), true);
  assert.equal(isAllowedOrigin('null', 4000), false);
  assert.equal(isAllowedOrigin('https://127.0.0.1:4000', 4000), false);
  assert.equal(isAllowedOrigin('http://evil.example', 4000), false);
});

test('raw paths: segments kept encoded; dot segments, empty segments, backslashes and NUL refused', () => {
  assert.deepEqual(rawPathSegments('/'), []);
  assert.deepEqual(rawPathSegments('/api/files:stage?x=1'), ['api', 'files:stage']);
  assert.deepEqual(rawPathSegments('/assets/'), ['assets']);
  assert.deepEqual(rawPathSegments('/scans/a%20b.pdf#frag'), ['scans', 'a%20b.pdf']);
  for (const p of [
    '/../x',
    '/a/./b',
    '/%2e%2e/x',
    '/%2E%2E/x',
    '/.%2e/x',
    '//etc/passwd',
    '/a//b',
    '/a%5cb',
    '/a\\b',
    '/a%00b',
    '/%zz',
    'relative',
    '',
  ]) {
    assert.equal(rawPathSegments(p), null, p);
  }
  // An encoded slash stays inside one segment; the consumers refuse it there.
  assert.deepEqual(rawPathSegments('/scans/..%2fx'), ['scans', '..%2fx']);
});

test('navigation detection prefers Sec-Fetch-Mode', () => {
  assert.equal(isNavigation({ 'sec-fetch-mode': 'navigate' }), true);
  assert.equal(isNavigation({ 'sec-fetch-mode': 'no-cors', accept: 'text/html' }), false);
  assert.equal(isNavigation({ accept: 'text/html,application/xhtml+xml' }), true);
  assert.equal(isNavigation({ accept: '*/*' }), false);
});

test('media type ignores parameters and case', () => {
  assert.equal(mediaType('Application/JSON; charset=utf-8'), 'application/json');
  assert.equal(mediaType(undefined), '');
});
