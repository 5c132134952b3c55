import * as Y from 'yjs';

/**
 * Tells, on the office server, when a machine coming back brings changes to a case that the team
 * changed meanwhile: a merge, which the apps show as a review mark on a signed case.
 *
 * Only the server sees the order in which machines come back. Two apps reconnecting at once each
 * have their own changes confirmed before the other's arrive, so neither can tell a merge from
 * ordinary live typing; the server can. A provider opens with its state vector (sync step 1) and
 * then sends what it made offline (queued updates, then its sync step 2). Whatever the server holds
 * beyond that vector, the machine had not seen when it made those changes: they are concurrent.
 * After its step 2 the machine is live and its next changes are not checked (typing races are not
 * merges worth a review).
 *
 * A state vector counts inserted content only; deletions are checked on the step 2, which carries
 * the machine's whole delete set: a deletion the server holds of content the machine knew, and the
 * machine lacks, was made without it.
 */

/** The sync message types (y-protocols): step 1 carries a state vector, step 2 and update an update. */
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Whether `doc` holds content (of any client) beyond the state vector `seen`. */
export function holdsBeyond(doc: Y.Doc, seen: Map<number, number>): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if (clock > (seen.get(client) ?? 0)) return true;
  }
  return false;
}

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Whether `doc` deleted content known as of `seen` that the delete set `theirs` does not hold. */
export function deletedBeyond(doc: Y.Doc, seen: Map<number, number>, theirs: DeleteSet): boolean {
  for (const [client, ranges] of Y.createDeleteSetFromStructStore(doc.store).clients) {
    const known = seen.get(client) ?? 0;
    if (known === 0) continue;
    const covering = [...(theirs.clients.get(client) ?? [])].sort((x, y) => x.clock - y.clock);
    for (const range of ranges) {
      let from = range.clock;
      const to = Math.min(range.clock + range.len, known);
      for (const c of covering) {
        if (from >= to || c.clock > from) break;
        from = Math.max(from, c.clock + c.len);
      }
      if (from < to) return true;
    }
  }
  return false;
}

/** Whether `update` brings `doc` anything it lacks (content or deletions). */
export function bringsNew(doc: Y.Doc, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

interface Opening {
  /** What it had seen when it opened, and what it has sent since. */
  seen: Map<number, number>;
  /** Whether it brought anything the server lacked. */
  brought: boolean;
}

export class MergeWatch<C extends object> {
  /** Per connection still coming back. */
  private readonly opening = new WeakMap<C, Opening>();

  /**
   * One sync message of `connection` on `doc`, before the server applies it. Returns true when the
   * message brings changes made without knowing what the server holds: a merge.
   */
  message(connection: C, doc: Y.Doc, type: number, payload: Uint8Array): boolean {
    if (type === SYNC_STEP1) {
      this.opening.set(connection, { seen: Y.decodeStateVector(payload), brought: false });
      return false;
    }
    if (type !== SYNC_STEP2 && type !== SYNC_UPDATE) return false;
    const o = this.opening.get(connection);
    if (!o) return false;
    if (bringsNew(doc, payload)) {
      if (holdsBeyond(doc, o.seen)) {
        this.opening.delete(connection);
        return true;
      }
      o.brought = true;
      // What it sends it knows: its next offline update is not concurrent with this one.
      for (const [client, clock] of Y.parseUpdateMeta(payload).to) {
        if (clock > (o.seen.get(client) ?? 0)) o.seen.set(client, clock);
      }
    }
    if (type !== SYNC_STEP2) return false;
    // After its step 2 everything it made offline has arrived: it is live from now on.
    this.opening.delete(connection);
    return o.brought && deletedBeyond(doc, o.seen, Y.decodeUpdate(payload).ds);
  }
}
