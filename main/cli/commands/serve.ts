import os from 'node:os';
import type { ServerCertificate } from '../../sync/tls.ts';
import { resolveLibraryDir, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';

const USAGE = 'usage: serve [--library DIR] [--port N] [--host ADDR] [--tls | --tls-cert FILE --tls-key FILE]';

interface ServeOptions extends GlobalOptions {
  port?: string | undefined;
  host?: string | undefined;
  tls?: boolean;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
}

/** This machine's names and LAN addresses, for a certificate made here (apps pin it; the names help other tools). */
function machineNames(host: string): string[] {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal)
    .map((a) => a!.address);
  return [host, os.hostname(), ...addresses];
}

/** The certificate to serve `wss://` with, if asked for: the office's files, or the library's own. */
async function serverCertificate(opts: ServeOptions, libraryDir: string, host: string): Promise<ServerCertificate | undefined> {
  const { certificateFromFiles, libraryCertificate } = await import('../../sync/tls.ts');
  if (opts.tlsCert !== undefined || opts.tlsKey !== undefined) {
    if (opts.tlsCert === undefined || opts.tlsKey === undefined)
      throw usageError(`--tls-cert and --tls-key go together\n${USAGE}`);
    return certificateFromFiles(opts.tlsCert, opts.tlsKey);
  }
  return opts.tls ? libraryCertificate(libraryDir, machineNames(host)) : undefined;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw usageError(`--port is a number from 0 to 65535\n${USAGE}`);
  return Number(raw);
}

/**
 * `serve`: the office server for this library. Holds the library's writer lock while it runs (it is
 * the library's only writer), prints `SYNC_URL=ws://HOST:PORT` once it listens (`wss://` with TLS,
 * then also `SYNC_FINGERPRINT=` of its certificate), and runs until
 * SIGINT or SIGTERM, then stores every open document, closes and releases the lock.
 */
export async function serveCommand(args: string[], opts: ServeOptions): Promise<void> {
  if (args.length > 0) throw usageError(USAGE);
  const port = readPort(opts.port);
  const host = opts.host ?? '127.0.0.1';
  const libraryDir = await resolveLibraryDir(opts);
  const tls = await serverCertificate(opts, libraryDir, host);
  // Loaded here: the server (Hocuspocus, a headless Lexical) is not needed by any other command.
  const { startSyncServer } = await import('../../sync/server.ts');
  const server = await startSyncServer({ libraryDir, host, port, ...(tls ? { tls } : {}) });
  console.log(`SYNC_URL=${server.url}`);
  if (server.fingerprint) console.log(`SYNC_FINGERPRINT=${server.fingerprint}`);
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
