import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAddNoteKey } from '../../../../../renderer/features/notes/noteKeys.ts';
import { kindForKey, statusForKey, viewActionForKey, type KeyLike } from '../../../../../renderer/editor/keymap.ts';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  code,
  key: code.replace(/^Key/, '').toLowerCase(),
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

test('Ctrl+Alt+M (Cmd+Alt+M) adds a note, by key position whatever Alt types', () => {
  assert.ok(isAddNoteKey(key('KeyM', { ctrlKey: true, altKey: true })));
  assert.ok(isAddNoteKey(key('KeyM', { metaKey: true, altKey: true })));
  assert.ok(isAddNoteKey({ ...key('KeyM', { ctrlKey: true, altKey: true }), key: 'µ' }));
  for (const other of [
    key('KeyM', { ctrlKey: true }),
    key('KeyM', { altKey: true }),
    key('KeyM', { ctrlKey: true, altKey: true, shiftKey: true }),
    key('KeyN', { ctrlKey: true, altKey: true }),
  ])
    assert.equal(isAddNoteKey(other), false);
});

test('the note shortcut is taken by no other shortcut of the proofreading view', () => {
  const e = key('KeyM', { ctrlKey: true, altKey: true });
  assert.equal(kindForKey(e), null);
  assert.equal(statusForKey(e), null);
  assert.equal(viewActionForKey(e), null);
});
