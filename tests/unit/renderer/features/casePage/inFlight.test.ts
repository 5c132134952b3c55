import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinInFlight } from '../../../../../renderer/features/casePage/inFlight.ts';

describe('joinInFlight', () => {
  test('a second identical request joins the first; once settled, the next one asks again', async () => {
    let asked = 0;
    const load = async () => ++asked;
    const [a, b] = await Promise.all([joinInFlight('k', load), joinInFlight('k', load)]);
    assert.deepEqual([a, b, asked], [1, 1, 1]);
    assert.equal(await joinInFlight('k', load), 2);
    assert.equal(await joinInFlight('other', load), 3);
  });

  test('a failure reaches every caller and is not kept', async () => {
    let asked = 0;
    const fail = async () => {
      asked++;
      throw new Error('boom');
    };
    const results = await Promise.allSettled([joinInFlight('f', fail), joinInFlight('f', fail)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    await assert.rejects(joinInFlight('f', fail));
    assert.equal(asked, 2);
  });
});
