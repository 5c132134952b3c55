import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { eventsOf, readVolume, rejectEvent, writeVolume, type SyncEvent } from '../../shared/sync/volumeDoc.ts';
import { newSharedDoc } from '../../shared/sync/yDoc.ts';
import { compareEvents } from '../../shared/workflow/events.ts';
import { checkRemoteEvent } from '../../shared/workflow/remoteCheck.ts';
import { getWorkflow } from '../store/workflowRepo.ts';
import { volumeStateFromLibrary } from './volumeSync.ts';

/**
 * The office server's side of volume documents: the one-time seed from the library's rows, and the
 * check of every workflow event a machine appends (the signer must be the sending user; a sign-off
 * must follow the server library's rules). A refused event is not removed — the log is append-only
 * and every machine already has it — but marked refused in the document, so no machine applies it.
 */

/** The first state of a volume's document, from the library's rows; null when the volume is unknown. */
export function seedVolumeState(db: DatabaseSync, volumeUuid: string): Uint8Array | null {
  const row = db.prepare('SELECT id FROM volumes WHERE uuid = ?').get(volumeUuid);
  if (!row) return null;
  const doc = newSharedDoc();
  try {
    writeVolume(doc, volumeStateFromLibrary(db, Number(row.id)));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Remembers which events of each loaded volume document were checked already. */
export class EventGuard {
  private readonly checked = new Map<string, Set<string>>();
  private readonly db: DatabaseSync;
  private readonly log: (line: string) => void;

  constructor(db: DatabaseSync, log: (line: string) => void) {
    this.db = db;
    this.log = log;
  }

  /** A document was loaded: what it holds was checked when it arrived. */
  loaded(name: string, doc: Y.Doc): void {
    this.checked.set(name, new Set(readVolume(doc).events.map((e) => e.uuid)));
  }

  unloaded(name: string): void {
    this.checked.delete(name);
  }

  /**
   * Checks the events `sender` appended since the last call and marks the refused ones. Returns
   * the refusals made (event uuid → reason code).
   */
  changed(name: string, doc: Y.Doc, sender: string): Map<string, string> {
    const seen = this.checked.get(name) ?? new Set<string>();
    this.checked.set(name, seen);
    // Most changes are case fields or page statuses: no event came, nothing to read and check.
    if (eventsOf(doc).length === seen.size) return new Map();
    const state = readVolume(doc);
    const refused = new Map<string, string>();
    const fresh = state.events.filter((e) => !seen.has(e.uuid));
    if (fresh.length === 0) return refused;
    const settings = getWorkflow(this.db);
    for (const event of fresh) {
      seen.add(event.uuid);
      if (state.rejected[event.uuid]) continue;
      const before = logBefore(state.events, event, state.rejected);
      const reason = checkRemoteEvent(settings, before, { ...event, rejected: null }, sender);
      if (reason !== null) refused.set(event.uuid, reason);
    }
    if (refused.size > 0) {
      const at = new Date().toISOString();
      doc.transact(() => {
        for (const [uuid, reason] of refused) rejectEvent(doc, uuid, reason, at);
      });
      for (const [uuid, reason] of refused) this.log(`sync: refused event ${uuid} from ${sender} in ${name}: ${reason}`);
    }
    return refused;
  }
}

/** The case's other events, in log order, with the server's refusals applied. */
function logBefore(events: readonly SyncEvent[], event: SyncEvent, rejected: Record<string, { reason: string }>): SyncEvent[] {
  return events
    .filter((e) => e.caseUuid === event.caseUuid && e.uuid !== event.uuid)
    .map((e) => ({ ...e, rejected: rejected[e.uuid]?.reason ?? null }))
    .sort(compareEvents);
}
