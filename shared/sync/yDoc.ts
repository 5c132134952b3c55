import * as Y from 'yjs';

/**
 * A shared document as every peer makes it. Garbage collection is off: a sign-off pins a Yjs
 * snapshot of the case, and a snapshot can only be shown while the deleted text it saw is kept
 * (about 5% more bytes on a proofread case).
 */
export function newSharedDoc(): Y.Doc {
  return new Y.Doc(SHARED_DOC_OPTIONS);
}

/**
 * The options of every shared document, the servers' (office, local hub) included. `gcFilter` is
 * Yjs's default, spelled out because Hocuspocus's type asks for it; with gc off it is never called.
 */
export const SHARED_DOC_OPTIONS = { gc: false, gcFilter: () => true };
