import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StagedFile } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/errors.ts';

export interface StagedEntry extends StagedFile {
  path: string;
}

/**
 * Files the user chose, written once into the library's `.staging/` folder (same filesystem as
 * `scans/`, so attaching a scan is a rename or copy, never a second upload). Cleared at start-up.
 */
export class StagingArea {
  #dir: string;
  #entries = new Map<string, StagedEntry>();

  constructor(libraryDir: string) {
    this.#dir = path.join(libraryDir, '.staging');
    fs.rmSync(this.#dir, { recursive: true, force: true });
    fs.mkdirSync(this.#dir, { recursive: true });
  }

  stage(name: string, bytes: Uint8Array): StagedEntry {
    const fileId = randomUUID();
    const file = path.join(this.#dir, fileId);
    fs.writeFileSync(file, bytes);
    const entry: StagedEntry = {
      fileId,
      name: path.basename(name),
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      path: file,
    };
    this.#entries.set(fileId, entry);
    return entry;
  }

  /** Stages a file already on disk (the CLI, the bundled sample) by copying it. */
  stagePath(file: string): StagedEntry {
    return this.stage(path.basename(file), fs.readFileSync(file));
  }

  get(fileId: string): StagedEntry {
    const entry = this.#entries.get(fileId);
    if (!entry) throw new AppError('NOT_FOUND', `No staged file ${fileId}`, { fileId });
    return entry;
  }

  clear(): void {
    fs.rmSync(this.#dir, { recursive: true, force: true });
    this.#entries.clear();
  }
}
