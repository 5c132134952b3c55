import { describe, test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { AutosaveController, type SaveState } from '../../../../renderer/editor/autosave.ts';

function setup(save: () => Promise<void>) {
  const states: SaveState[] = [];
  const ctl = new AutosaveController({ delayMs: 800, maxWaitMs: 2000, save, onState: (s) => states.push(s) });
  return { ctl, states };
}

/** Lets promise callbacks run (no real time passes). */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('AutosaveController', () => {
  test('typing without a pause still saves within maxWaitMs of the first unsaved edit', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let saves = 0;
    const { ctl } = setup(async () => {
      saves++;
    });
    for (let ms = 0; ms < 1900; ms += 100) {
      ctl.markDirty();
      t.mock.timers.tick(100);
    }
    assert.equal(saves, 0);
    ctl.markDirty();
    t.mock.timers.tick(100);
    await settle();
    assert.equal(saves, 1);
  });

  test('saves once after typing pauses, not on every keystroke', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let saves = 0;
    const { ctl, states } = setup(async () => {
      saves++;
    });
    ctl.markDirty();
    t.mock.timers.tick(500);
    ctl.markDirty();
    t.mock.timers.tick(500);
    assert.equal(saves, 0);
    t.mock.timers.tick(300);
    await settle();
    assert.equal(saves, 1);
    assert.deepEqual(states.at(-1), 'saved');
    assert.ok(states.includes('saving'));
  });

  test('flush saves at once and is a no-op when nothing changed', async () => {
    let saves = 0;
    const { ctl } = setup(async () => {
      saves++;
    });
    await ctl.flush();
    assert.equal(saves, 0);
    ctl.markDirty();
    await ctl.flush();
    assert.equal(saves, 1);
    assert.equal(ctl.state, 'saved');
    ctl.dispose();
  });

  test('edits during a save lead to a second save', async () => {
    let release: () => void = () => {};
    let saves = 0;
    const { ctl } = setup(
      () =>
        new Promise<void>((r) => {
          saves++;
          release = r;
        }),
    );
    ctl.markDirty();
    const first = ctl.flush();
    ctl.markDirty();
    assert.equal(ctl.state, 'saving');
    release();
    await first;
    assert.equal(ctl.state, 'unsaved');
    const second = ctl.flush();
    release();
    await second;
    assert.equal(saves, 2);
    assert.equal(ctl.state, 'saved');
    ctl.dispose();
  });

  test('a conflict stops autosaving until resolved', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let calls = 0;
    const save = mock.fn(async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('stale'), { code: 'CONFLICT' });
    });
    const { ctl, states } = setup(save);
    ctl.markDirty();
    await ctl.flush();
    assert.equal(ctl.state, 'conflict');
    ctl.markDirty();
    t.mock.timers.tick(5000);
    await ctl.flush();
    assert.equal(calls, 1, 'no save while in conflict');
    ctl.resolved('retry');
    await ctl.flush();
    assert.equal(calls, 2);
    assert.equal(ctl.state, 'saved');
    assert.ok(states.includes('conflict'));
  });

  test('other errors are reported and the edit stays unsaved for the next attempt', async () => {
    let fail = true;
    const { ctl } = setup(async () => {
      if (fail) throw new Error('disk full');
    });
    ctl.markDirty();
    await ctl.flush();
    assert.equal(ctl.state, 'error');
    assert.equal(ctl.dirty, true);
    fail = false;
    await ctl.flush();
    assert.equal(ctl.state, 'saved');
    ctl.dispose();
  });
});
