import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildCurve,
  dayTicks,
  scales,
  stepPath,
  valueTicks,
  type Frame,
} from '../../../../../renderer/features/dashboard/progressCurve.ts';

const FRAME: Frame = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };

test('sign-offs per day and person become cumulative series, the most active person first, and a total', () => {
  const curve = buildCurve([
    { day: '2025-02-27', who: '乙', count: 1 },
    { day: '2025-03-01', who: '甲', count: 2 },
    { day: '2025-03-01', who: '乙', count: 1 },
    { day: '2025-03-03', who: '甲', count: 1 },
  ]);
  assert.ok(curve);
  // From the day before the first sign-off, across the month's end, to the last one.
  assert.deepEqual(curve.days, ['2025-02-26', '2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02', '2025-03-03']);
  assert.deepEqual(
    curve.people.map((s) => [s.who, s.total]),
    [
      ['甲', 3],
      ['乙', 2],
    ],
  );
  assert.deepEqual(curve.people[0]!.points, [
    { day: '2025-03-01', x: 3, added: 2, value: 2 },
    { day: '2025-03-03', x: 5, added: 1, value: 3 },
  ]);
  assert.equal(curve.total.who, null);
  assert.deepEqual(
    curve.total.points.map((p) => [p.x, p.added, p.value]),
    [
      [1, 1, 1],
      [3, 3, 4],
      [5, 1, 5],
    ],
  );
});

test('nobody signed: no curve; one day: a rise from the day before', () => {
  assert.equal(buildCurve([]), null);
  const one = buildCurve([{ day: '2025-01-01', who: '甲', count: 4 }])!;
  assert.deepEqual(one.days, ['2024-12-31', '2025-01-01']);
  assert.deepEqual(one.total.points, [{ day: '2025-01-01', x: 1, added: 4, value: 4 }]);
});

test('people with the same count are ordered by name (pinyin)', () => {
  const curve = buildCurve([
    { day: '2025-03-01', who: '乙', count: 1 },
    { day: '2025-03-01', who: '甲', count: 1 },
  ])!;
  assert.deepEqual(
    curve.people.map((s) => s.who),
    ['甲', '乙'],
  );
});

test('the value axis ends on a round number with a few round steps', () => {
  assert.deepEqual(valueTicks(0), { top: 1, ticks: [0, 1] });
  assert.deepEqual(valueTicks(1), { top: 1, ticks: [0, 1] });
  assert.deepEqual(valueTicks(3), { top: 3, ticks: [0, 1, 2, 3] });
  assert.deepEqual(valueTicks(7), { top: 8, ticks: [0, 2, 4, 6, 8] });
  assert.deepEqual(valueTicks(23), { top: 25, ticks: [0, 5, 10, 15, 20, 25] });
  assert.deepEqual(valueTicks(640), { top: 800, ticks: [0, 200, 400, 600, 800] });
});

test('day labels: at most six, evenly spread, the first and the last always', () => {
  assert.deepEqual(dayTicks(1), [0]);
  assert.deepEqual(dayTicks(2), [0, 1]);
  assert.deepEqual(dayTicks(6), [0, 1, 2, 3, 4, 5]);
  const many = dayTicks(31);
  assert.ok(many.length <= 6);
  assert.equal(many[0], 0);
  assert.equal(many.at(-1), 30);
  assert.deepEqual(
    many,
    [...many].sort((a, b) => a - b),
  );
  // The last day is not crowded by a tick right before it.
  const ticks = dayTicks(12);
  assert.ok(ticks.at(-1)! - ticks.at(-2)! >= 2, String(ticks));
});

test('scales put each day in the middle of its slot and counts upwards inside the frame; steps rise on signing days', () => {
  const curve = buildCurve([
    { day: '2025-03-02', who: '甲', count: 1 },
    { day: '2025-03-03', who: '甲', count: 1 },
  ])!;
  // Three days in 100 units: slots of 33.3, each day at its slot's middle.
  const sc = scales(curve, FRAME);
  assert.equal(sc.top, 2);
  assert.equal(Math.round(sc.x(0) * 10) / 10, 26.7);
  assert.equal(Math.round(sc.x(2) * 10) / 10, 93.3);
  assert.equal(sc.y(0), 50);
  assert.equal(sc.y(2), 0);
  assert.equal(stepPath(curve.people[0]!, sc, curve.days.length), 'M26.7 50H60V25H93.3V0H93.3');
});
