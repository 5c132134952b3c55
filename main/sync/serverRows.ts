import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { openCaseReplica, type CaseReplica } from '../../shared/sync/caseReplica.ts';
import { parseDocName } from '../../shared/sync/docNames.ts';
import { readVolume } from '../../shared/sync/volumeDoc.ts';
import { writeCaseFromShared } from './caseRows.ts';
import { applyVolumeToLibrary } from './volumeSync.ts';

interface Watched {
  doc: Y.Doc;
  /** For a case: a headless editor over a copy of the document (a replica must be bound while empty). */
  replica: CaseReplica | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The office server keeps its own library's rows current from the shared documents, like every
 * app does, so that search, export and the command line on the server see the team's work: a
 * case's row from its document, a volume's rows (case fields, page statuses, workflow log) from its
 * document, each a short while after the changes stop.
 */
export class ServerRows {
  private readonly watched = new Map<string, Watched>();
  private readonly db: DatabaseSync;
  private readonly delayMs: number;
  private readonly log: (line: string) => void;

  constructor(db: DatabaseSync, delayMs: number, log: (line: string) => void) {
    this.db = db;
    this.delayMs = delayMs;
    this.log = log;
  }

  loaded(name: string, doc: Y.Doc): void {
    const kind = parseDocName(name)?.kind;
    if (!kind) return;
    this.watched.set(name, { doc, replica: kind === 'case' ? openCaseReplica() : null, timer: null });
  }

  changed(name: string): void {
    const w = this.watched.get(name);
    if (!w) return;
    if (w.timer !== null) clearTimeout(w.timer);
    // A volume's rows first: a case announced in it is refused until the server's row exists.
    const delay = parseDocName(name)?.kind === 'vol' ? Math.min(this.delayMs, 50) : this.delayMs;
    w.timer = setTimeout(() => this.write(name), delay);
  }

  unloaded(name: string): void {
    const w = this.watched.get(name);
    if (!w) return;
    if (w.timer !== null) this.write(name);
    w.replica?.destroy();
    w.replica?.ydoc.destroy();
    this.watched.delete(name);
  }

  /** Writes every pending row now (before closing). */
  flush(): void {
    for (const [name, w] of this.watched) if (w.timer !== null) this.write(name);
  }

  private write(name: string): void {
    const w = this.watched.get(name);
    const parsed = parseDocName(name);
    if (!w || !parsed) return;
    if (w.timer !== null) clearTimeout(w.timer);
    w.timer = null;
    try {
      if (parsed.kind === 'vol') {
        applyVolumeToLibrary(this.db, parsed.uuid, readVolume(w.doc));
        return;
      }
      const replica = w.replica!;
      Y.applyUpdate(replica.ydoc, Y.encodeStateAsUpdate(w.doc, Y.encodeStateVector(replica.ydoc)));
      const row = this.db.prepare('SELECT id FROM cases WHERE uuid = ?').get(parsed.uuid);
      if (row) writeCaseFromShared(this.db, Number(row.id), replica.read());
    } catch (err) {
      this.log(`sync: could not write the rows of ${name} (the document is safe in the log): ${String(err)}`);
    }
  }
}
