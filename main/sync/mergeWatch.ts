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
 * Limit: a state vector counts inserted content only, so changes that only deleted text on one side
 * are not seen as concurrent by this check.
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

/** Whether `update` brings `doc` anything it lacks (content or deletions). */
export function bringsNew(doc: Y.Doc, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

export class MergeWatch<C extends object> {
  /** Per connection still coming back: the state vector it opened with. */
  private readonly opening = new WeakMap<C, Map<number, number>>();

  /**
   * One sync message of `connection` on `doc`, before the server applies it. Returns true when the
   * message brings changes made without knowing what the server holds: a merge.
   */
  message(connection: C, doc: Y.Doc, type: number, payload: Uint8Array): boolean {
    if (type === SYNC_STEP1) {
      this.opening.set(connection, Y.decodeStateVector(payload));
      return false;
    }
    if (type !== SYNC_STEP2 && type !== SYNC_UPDATE) return false;
    const seen = this.opening.get(connection);
    if (!seen) return false;
    // After its step 2 everything it made offline has arrived: it is live from now on.
    if (type === SYNC_STEP2) this.opening.delete(connection);
    if (!bringsNew(doc, payload)) return false;
    if (holdsBeyond(doc, seen)) {
      this.opening.delete(connection);
      return true;
    }
    // What it sends it knows: its next offline update is not concurrent with this one.
    for (const [client, clock] of Y.parseUpdateMeta(payload).to) {
      if (clock > (seen.get(client) ?? 0)) seen.set(client, clock);
    }
    return false;
  }
}
