import * as Y from 'yjs';

/**
 * A shared document as every peer makes it. Garbage collection is off: a sign-off pins a Yjs
 * snapshot of the case, and a snapshot can only be shown while the deleted text it saw is kept
 * (about 5% more bytes on a proofread case).
 */
export function newSharedDoc(): Y.Doc {
  return new Y.Doc({ gc: false });
}
