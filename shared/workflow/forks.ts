/**
 * Forks of a case's event log. With a team, two machines can each append an event on top of the
 * same one while apart (two proofreaders sign the same pass offline). Both events are kept; the
 * case then has two heads and shows a stage conflict until someone acts while seeing it: that
 * event names the head it builds on as `prev` and the other heads in `merges`, which closes them.
 */
export interface LinkedEvent {
  uuid: string;
  /** The event this one was appended after (null for a case's first event, and for events logged before sync). */
  prev: string | null;
  /** Other heads this event closes (the stage conflict it resolves). */
  merges: readonly string[];
}

/** Events nothing was appended after: one for a linear log, two or more while a fork is open. */
export function logHeads<E extends LinkedEvent>(events: readonly E[]): E[] {
  const closed = new Set<string>();
  for (const e of events) {
    if (e.prev !== null) closed.add(e.prev);
    for (const m of e.merges) closed.add(m);
  }
  return events.filter((e) => !closed.has(e.uuid));
}

/** Groups of events appended after the same predecessor, each group in the order given. */
export function findForks<E extends LinkedEvent>(events: readonly E[]): E[][] {
  const byPrev = new Map<string, E[]>();
  for (const e of events) {
    if (e.prev === null) continue;
    const group = byPrev.get(e.prev) ?? [];
    group.push(e);
    byPrev.set(e.prev, group);
  }
  return [...byPrev.values()].filter((g) => g.length > 1);
}

/**
 * The open stage conflict of a log: its heads when there are several (in the order given, which
 * callers keep as log order), null when the log is linear. Events logged before sync carry no
 * `prev`; they chain by log order, so only the newest of them can be a head.
 */
export function stageConflict<E extends LinkedEvent>(events: readonly E[]): E[] | null {
  const chained = events.map((e, i) => (e.prev === null && i > 0 ? { ...e, prev: events[i - 1]!.uuid } : e));
  const heads = logHeads(chained);
  if (heads.length < 2) return null;
  const ids = new Set(heads.map((h) => h.uuid));
  return events.filter((e) => ids.has(e.uuid));
}

/** What a new event links to: the newest head as `prev`, every other head in `merges`. */
export function linkNewEvent<E extends LinkedEvent>(events: readonly E[]): { prev: string | null; merges: string[] } {
  const chained = events.map((e, i) => (e.prev === null && i > 0 ? { ...e, prev: events[i - 1]!.uuid } : e));
  const heads = logHeads(chained);
  const newest = heads.at(-1);
  if (!newest) return { prev: null, merges: [] };
  return { prev: newest.uuid, merges: heads.slice(0, -1).map((h) => h.uuid) };
}
