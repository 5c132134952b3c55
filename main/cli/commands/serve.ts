import { resolveLibraryDir, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';

const USAGE = 'usage: serve [--library DIR] [--port N] [--host ADDR]';

function readPort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw usageError(`--port is a number from 0 to 65535\n${USAGE}`);
  return Number(raw);
}

/**
 * `serve`: the office server for this library. Holds the library's writer lock while it runs (it is
 * the library's only writer), prints `SYNC_URL=ws://HOST:PORT` once it listens, and runs until
 * SIGINT or SIGTERM, then stores every open document, closes and releases the lock.
 */
export async function serveCommand(
  args: string[],
  opts: GlobalOptions & { port?: string | undefined; host?: string | undefined },
): Promise<void> {
  if (args.length > 0) throw usageError(USAGE);
  const port = readPort(opts.port);
  const host = opts.host ?? '127.0.0.1';
  // Loaded here: the server (Hocuspocus, a headless Lexical) is not needed by any other command.
  const { startSyncServer } = await import('../../sync/server.ts');
  const server = await startSyncServer({ libraryDir: await resolveLibraryDir(opts), host, port });
  console.log(`SYNC_URL=${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write(`sync: ${signal}, closing\n`);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}
