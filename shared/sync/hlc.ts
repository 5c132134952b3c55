/**
 * A hybrid logical clock: wall-clock milliseconds, a counter for events within one millisecond (or
 * when the local clock is behind one already seen), and the machine's id. Its string form sorts
 * like the clock, so an event stamped after seeing another always sorts after it, even when the
 * second machine's clock runs slow.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

export function formatHlc(h: Hlc): string {
  return `${String(h.millis).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc | null {
  const m = /^(\d{15})-(\d{5})-([0-9A-Za-z_-]{1,64})$/.exec(s);
  if (!m) return null;
  return { millis: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

/** The next stamp after every stamp in `seen` (the latest known), at wall time `now`. */
export function nextHlc(seen: string | null, now: number, node: string): string {
  const last = seen === null ? null : parseHlc(seen);
  if (last === null || now > last.millis) return formatHlc({ millis: now, counter: 0, node });
  return formatHlc({ millis: last.millis, counter: last.counter + 1, node });
}

/** The stamp's wall time as an ISO timestamp (what `at` shows; it never goes backwards along a chain). */
export function hlcIso(s: string): string {
  const h = parseHlc(s);
  return new Date(h ? h.millis : 0).toISOString();
}
