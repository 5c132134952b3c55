/**
 * The progress curve's shape, free of React and the DOM: from sign-offs per day and person to
 * cumulative step series (one per person and a total), the scales that place them in the SVG, the
 * axis ticks and the paths.
 */

export interface SignoffDay {
  /** YYYY-MM-DD. */
  day: string;
  who: string;
  count: number;
}

export interface CurvePoint {
  day: string;
  /** Days since the curve's first day. */
  x: number;
  /** Sign-offs that day. */
  added: number;
  /** Sign-offs up to and including that day. */
  value: number;
}

export interface CurveSeries {
  /** null: everyone together. */
  who: string | null;
  /** Only the days with sign-offs, in order. */
  points: CurvePoint[];
  total: number;
}

export interface Curve {
  /** Every calendar day from the day before the first sign-off to the last one. */
  days: string[];
  /** One per person, most sign-offs first. */
  people: CurveSeries[];
  total: CurveSeries;
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function series(who: string | null, perDay: ReadonlyMap<string, number>, first: number): CurveSeries {
  let value = 0;
  const points = [...perDay]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, added]) => {
      value += added;
      return { day, x: dayNumber(day) - first, added, value };
    });
  return { who, points, total: value };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Null when nobody has signed anything yet. */
export function buildCurve(signoffs: readonly SignoffDay[]): Curve | null {
  if (signoffs.length === 0) return null;
  const numbers = signoffs.map((s) => dayNumber(s.day));
  // The curve starts at zero the day before the first sign-off, so the first step shows as a rise.
  const first = Math.min(...numbers) - 1;
  const last = Math.max(...numbers);
  const byPerson = new Map<string, Map<string, number>>();
  const all = new Map<string, number>();
  for (const s of signoffs) {
    const mine = byPerson.get(s.who) ?? new Map<string, number>();
    mine.set(s.day, (mine.get(s.day) ?? 0) + s.count);
    byPerson.set(s.who, mine);
    all.set(s.day, (all.get(s.day) ?? 0) + s.count);
  }
  const people = [...byPerson]
    .map(([who, perDay]) => series(who, perDay, first))
    .sort((a, b) => b.total - a.total || collator.compare(a.who ?? '', b.who ?? ''));
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(dayString(n));
  return { days, people, total: series(null, all, first) };
}

/** A round upper bound for the value axis (1, 2, 5 × 10ⁿ steps) and its ticks from 0. */
export function valueTicks(max: number, maxTicks = 5): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough && Number.isInteger(s)) ?? Math.ceil(rough);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, ticks };
}

/** At most `max` day indexes to label, evenly spread, always the first and the last. */
export function dayTicks(dayCount: number, max = 6): number[] {
  if (dayCount <= 1) return [0];
  const step = Math.max(1, Math.ceil((dayCount - 1) / (max - 1)));
  const ticks: number[] = [];
  for (let i = 0; i < dayCount - 1; i += step) ticks.push(i);
  // The last day replaces a tick closer to it than a step (their labels would touch).
  if (ticks.length > 1 && dayCount - 1 - ticks[ticks.length - 1]! < step) ticks.pop();
  ticks.push(dayCount - 1);
  return ticks;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Scales {
  x(dayIndex: number): number;
  y(value: number): number;
  top: number;
  ticks: number[];
}

export function scales(curve: Curve, frame: Frame): Scales {
  const { top, ticks } = valueTicks(curve.total.total);
  const innerW = frame.width - frame.left - frame.right;
  const innerH = frame.height - frame.top - frame.bottom;
  // Each day gets an equal slot and is drawn at its middle, so the last rise is not on the frame's edge.
  const slot = innerW / curve.days.length;
  return {
    x: (i) => frame.left + (i + 0.5) * slot,
    y: (v) => frame.top + innerH - (v / top) * innerH,
    top,
    ticks,
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A cumulative step line: flat at zero from the first day, up at each day with sign-offs, flat to the last day. */
export function stepPath(s: CurveSeries, sc: Scales, dayCount: number): string {
  let d = `M${r1(sc.x(0))} ${r1(sc.y(0))}`;
  for (const p of s.points) d += `H${r1(sc.x(p.x))}V${r1(sc.y(p.value))}`;
  return `${d}H${r1(sc.x(dayCount - 1))}`;
}

/** Series colours cycle through this many CSS modifiers (`--s0` …). */
export const SERIES_COLOURS = 8;
