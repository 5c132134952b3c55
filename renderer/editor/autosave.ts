/**
 * When to save: after typing pauses (`delayMs`), or at once on flush (blur, case switch, page
 * hide, Ctrl+S). One save runs at a time; edits made during a save trigger another. A CONFLICT
 * stops autosaving until the user decides (reload or overwrite) — never a silent overwrite.
 */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

export interface AutosaveOptions {
  delayMs: number;
  /**
   * Longest an edit may stay unsaved while typing goes on without a pause (default: `delayMs`), so a
   * crash mid-typing loses at most this much work.
   */
  maxWaitMs?: number;
  /** Performs the save; rejects with `{code: 'CONFLICT'}` on a version conflict. */
  save: () => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
}

export function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'CONFLICT';
}

export class AutosaveController {
  #opts: AutosaveOptions;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #maxTimer: ReturnType<typeof setTimeout> | null = null;
  #dirty = false;
  #inFlight: Promise<void> | null = null;
  #state: SaveState = 'saved';
  #disposed = false;

  constructor(opts: AutosaveOptions) {
    this.#opts = opts;
  }

  get state(): SaveState {
    return this.#state;
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  #set(state: SaveState, error?: unknown): void {
    this.#state = state;
    this.#opts.onState(state, error);
  }

  /** An edit happened: (re)start the pause timer. */
  markDirty(): void {
    if (this.#disposed) return;
    this.#dirty = true;
    if (this.#state === 'conflict') return;
    // Only a change of state is reported: typing must not re-render the view on every key.
    if (this.#state !== 'saving' && this.#state !== 'unsaved') this.#set('unsaved');
    this.#clearTimer(false);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, this.#opts.delayMs);
    this.#maxTimer ??= setTimeout(() => {
      this.#maxTimer = null;
      void this.flush();
    }, this.#opts.maxWaitMs ?? this.#opts.delayMs);
  }

  /** Saves now if there is anything unsaved; resolves when no save is pending. */
  async flush(): Promise<void> {
    this.#clearTimer();
    if (this.#inFlight) {
      await this.#inFlight;
      if (this.#dirty && this.#state !== 'conflict') return this.flush();
      return;
    }
    if (!this.#dirty || this.#state === 'conflict') return;
    this.#dirty = false;
    this.#set('saving');
    this.#inFlight = this.#opts.save().then(
      () => {
        this.#inFlight = null;
        if (this.#dirty) {
          this.#set('unsaved');
          if (!this.#disposed) this.markDirty();
        } else this.#set('saved');
      },
      (err: unknown) => {
        this.#inFlight = null;
        this.#dirty = true;
        this.#set(isConflict(err) ? 'conflict' : 'error', err);
      },
    );
    await this.#inFlight;
  }

  /** After the user resolved a conflict: `saved` when they reloaded, or retry when they chose to overwrite. */
  resolved(outcome: 'reloaded' | 'retry'): void {
    if (outcome === 'reloaded') {
      this.#dirty = false;
      this.#set('saved');
    } else {
      this.#set('unsaved');
      this.#dirty = true;
    }
  }

  /** Stops the timer; pending edits are left for the caller to flush first. */
  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
  }

  #clearTimer(includingMax = true): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (includingMax && this.#maxTimer !== null) {
      clearTimeout(this.#maxTimer);
      this.#maxTimer = null;
    }
  }
}
