/**
 * Long writes run on another connection (an import's worker) and hold SQLite's write lock meanwhile.
 * A main-thread write arriving then would sit in SQLite's busy wait, which is synchronous and would
 * stall every other request; instead it awaits the gate, and the event loop keeps answering.
 */
export class WriteGate {
  #holders = 0;
  #waiters: Array<() => void> = [];

  /** Runs a long write; main-thread writes wait until it settles. */
  async hold<T>(write: () => Promise<T>): Promise<T> {
    this.#holders++;
    try {
      return await write();
    } finally {
      if (--this.#holders === 0) {
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  /** Resolves at once when no long write runs, else when the last one settles. */
  idle(): Promise<void> {
    return this.#holders === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }

  get busy(): boolean {
    return this.#holders > 0;
  }
}
