import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrefsService, openConfPrefs } from '../../../../main/services/prefs.ts';

test('preferences persist through conf in a folder, validated by the shared schema', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-prefs-'));
  try {
    const prefs = await openConfPrefs(dir);
    assert.equal(prefs.get().language, 'zh-CN');
    prefs.set({ language: 'en', userName: '李编辑' });
    const again = await openConfPrefs(dir);
    assert.deepEqual([again.get().language, again.get().userName], ['en', '李编辑']);
    assert.throws(() => again.set({ language: 'fr' as never }));
    assert.equal(again.get().language, 'en');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a hand-edited file with bad values falls back field by field', () => {
  const backing = {
    store: { language: 'klingon', userName: '王', splitRatios: { side: 7, stacked: 0.4 }, layout: 'stacked' } as Record<
      string,
      unknown
    >,
  };
  const prefs = createPrefsService(backing);
  const p = prefs.get();
  assert.equal(p.language, 'zh-CN');
  assert.equal(p.userName, '王');
  assert.deepEqual(p.splitRatios, { side: 0.5, stacked: 0.5 });
  assert.equal(p.layout, 'stacked');
});
