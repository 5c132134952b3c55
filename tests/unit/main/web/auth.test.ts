import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bearerToken, createToken, isAuthorized, tokenMatches } from '../../../../main/web/auth.ts';

test('tokens are 32 random bytes in hex, fresh each time', () => {
  const a = createToken();
  const b = createToken();
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.notEqual(a, b);
});

test('only a Bearer Authorization header yields a token', () => {
  assert.equal(bearerToken('Bearer abc123'), 'abc123');
  assert.equal(bearerToken('bearer abc123'), 'abc123');
  assert.equal(bearerToken('Basic abc123'), null);
  assert.equal(bearerToken('Bearer'), null);
  assert.equal(bearerToken('Bearer a b'), null);
  assert.equal(bearerToken(undefined), null);
});

test('token comparison accepts the exact token only', () => {
  const t = createToken();
  assert.equal(tokenMatches(t, t), true);
  assert.equal(tokenMatches(t, t.slice(0, -1)), false);
  assert.equal(tokenMatches(t, `${t}0`), false);
  assert.equal(tokenMatches(t, ''), false);
  assert.equal(tokenMatches(t, null), false);
  assert.equal(isAuthorized(t, `Bearer ${t}`), true);
  assert.equal(isAuthorized(t, `Bearer ${t.toUpperCase()}`), false);
  assert.equal(isAuthorized(t, undefined), false);
});
