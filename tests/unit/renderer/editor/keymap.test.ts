import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindForKey, kindShortcut, statusForKey, statusShortcut, viewActionForKey } from '../../../../renderer/editor/keymap.ts';

const key = (code: string, key: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  code,
  key,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

test('Alt+digits set kinds, Alt+Shift+digits set statuses, without clashing', () => {
  assert.equal(kindForKey(key('Digit1', '1', { altKey: true })), 'title');
  assert.equal(kindForKey(key('Digit0', '0', { altKey: true })), 'other');
  assert.equal(kindForKey(key('Digit1', '!', { altKey: true, shiftKey: true })), null);
  assert.equal(statusForKey(key('Digit1', '!', { altKey: true, shiftKey: true })), 'unproofed');
  assert.equal(statusForKey(key('Digit5', '%', { altKey: true, shiftKey: true })), 'empty');
  assert.equal(statusForKey(key('Digit6', '^', { altKey: true, shiftKey: true })), null);
  assert.equal(statusForKey(key('Digit1', '1', { altKey: true })), null);
});

test('view shortcuts', () => {
  assert.equal(viewActionForKey(key('KeyS', 's', { ctrlKey: true })), 'save');
  assert.equal(viewActionForKey(key('KeyH', 'h', { ctrlKey: true })), 'replace');
  assert.equal(viewActionForKey(key('F8', 'F8', { shiftKey: true })), 'previous-suspect');
  assert.equal(viewActionForKey(key('KeyS', 's')), null);
});

test('shortcut labels match the keys that trigger them', () => {
  assert.equal(kindShortcut('title'), 'Alt+1');
  assert.equal(kindShortcut('other'), 'Alt+0');
  assert.equal(statusShortcut('unproofed'), 'Alt+Shift+1');
  assert.equal(statusShortcut('empty'), 'Alt+Shift+5');
});
