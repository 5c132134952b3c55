import type { MenuCommand } from '../../shared/ipc/transport.ts';

type CommandHandler = () => void;

/**
 * Menu commands reach whichever screen can carry them out. A screen registers a handler while it
 * is mounted (the latest registration wins: a dialog's owner over the page behind it). A command
 * no mounted screen handles can be parked and is delivered to the next screen that registers for
 * it, so "Import…" chosen on a case page opens the import dialog once the library is shown.
 */
export class CommandBus {
  #handlers = new Map<MenuCommand, CommandHandler[]>();
  #parked: MenuCommand | null = null;

  register(command: MenuCommand, handler: CommandHandler): () => void {
    const list = this.#handlers.get(command) ?? [];
    list.push(handler);
    this.#handlers.set(command, list);
    if (this.#parked === command) {
      this.#parked = null;
      handler();
    }
    return () => {
      const current = this.#handlers.get(command) ?? [];
      this.#handlers.set(
        command,
        current.filter((h) => h !== handler),
      );
    };
  }

  /** Runs the command on the screen that registered last; false when none has. */
  dispatch(command: MenuCommand): boolean {
    const handler = this.#handlers.get(command)?.at(-1);
    if (!handler) return false;
    handler();
    return true;
  }

  /** Keeps the command for the next screen that registers for it (one at a time: the latest wins). */
  park(command: MenuCommand): void {
    this.#parked = command;
  }
}
