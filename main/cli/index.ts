// Command line: `npm run -s cli -- --help`.
import '../launcher/guardNode.ts';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './usage.ts';
import { toErrorShape } from '../../shared/ipc/errors.ts';
import { cliErrorLine } from './errorLine.ts';
import { forceUnlock } from './forceUnlock.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { casesCommand } from './commands/cases.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { usersCommand } from './commands/users.ts';
import { volumesCommand } from './commands/volumes.ts';

const HELP = `编校台 Casebook Workbench — command line

Usage: npm run -s cli -- <command> [options]

Commands:
  volumes list                     list the library's volumes
  volumes create <title>           create an empty volume
  cases list --volume <id>         list a volume's cases
  import <file> [--scan <pdf|dir>] import a text layer (UTF-8/UTF-16/GB18030) or a PDF;
                                   a scan alone (image-only PDF, JPEG/PNG/TIFF, or a folder
                                   of page images) is read by OCR;
                                   with --json and no --library: parse only and print the
                                   result (pages, frontMatter, toc, cases) as JSON;
                                   a .json export of this app comes back as the same cases
  backup                           copy the library into its backups/ folder now
  restore [NAME | --latest]        list the backups; with a name (or --latest, the newest
                                   that is not a pre-restore copy) put it in place of the
                                   library, keeping the current file as a backup; works on a
                                   damaged library; the app must be closed
  export --volume ID|TITLE --format docx|md|html|epub|pdf|json|txt --out PATH
         [--stage 定稿 | --all | --cases 1,3,7] [--page-size a5|a4] [--preset book|gongwen]
         [--per-case] [--pattern '{number}-{title}']
                                   write the cases at a stage (default 定稿/final), the whole
                                   volume (with its foreword) or the numbered cases to PATH
                                   (a folder with --per-case); prints what it wrote and what
                                   it left out; PDF needs Chromium
  search <query> [--volume ID] [--stage 初审|review1|…] [--exact]
                                   full-text search over every volume: each word must
                                   occur (--exact: the whole query as one phrase); prints
                                   the cases by volume with excerpts and pages, best first
  serve [--port N] [--host ADDR] [--tls | --tls-cert FILE --tls-key FILE]
                                   run the office (team sync) server for the library: prints
                                   SYNC_URL=ws://HOST:PORT and serves until Ctrl+C / SIGTERM;
                                   holds the library's lock while it runs (default host
                                   127.0.0.1, default port: any free one). --tls serves
                                   wss:// with a certificate made once and kept in the
                                   library (sync-tls/), or the office's own with --tls-cert
                                   and --tls-key; prints SYNC_FINGERPRINT=, which users
                                   compare with what the app shows when they connect
  users add <name> --role editor|viewer [--expires ISO-DATE]
                                   add a user of the server; prints the access token, once
                                   (only its hash is kept); viewers only read
  users list                       list the server's users (never their tokens)
  users revoke <name>              refuse the user's token from now on

Options:
  --library DIR    the library folder (default: the app's)
  --data-dir DIR   where preferences (and the default library) live
  --json           machine-readable output
  --title TEXT     volume title for import (default: the file name)
  --force-unlock   first take over the library's lock if another computer or a process
                   that is gone holds it (never a running instance on this computer)
  -h, --help       this help
`;

/** parseArgs, with an unknown or malformed option reported as a usage error. */
function readArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw usageError(`${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      volume: { type: 'string' },
      scan: { type: 'string' },
      title: { type: 'string' },
      latest: { type: 'boolean', default: false },
      'force-unlock': { type: 'boolean', default: false },
      stage: { type: 'string' },
      all: { type: 'boolean', default: false },
      cases: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'page-size': { type: 'string' },
      preset: { type: 'string' },
      'per-case': { type: 'boolean', default: false },
      exact: { type: 'boolean', default: false },
      pattern: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      tls: { type: 'boolean', default: false },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return;
  }
  const opts = { library: values.library, dataDir: values['data-dir'], json: values.json ?? false };
  if (values['force-unlock']) await forceUnlock(opts);
  switch (command) {
    case 'volumes':
      return volumesCommand(rest, opts);
    case 'cases':
      return casesCommand(rest, { ...opts, volume: values.volume });
    case 'import':
      return importCommand(rest, { ...opts, scan: values.scan, title: values.title });
    case 'backup':
      return backupCommand(rest, opts);
    case 'restore':
      return restoreCommand(rest, { ...opts, latest: values.latest ?? false });
    case 'search':
      return searchCommand(rest, { ...opts, volume: values.volume, stage: values.stage, exact: values.exact });
    case 'serve':
      return serveCommand(rest, {
        ...opts,
        port: values.port,
        host: values.host,
        tls: values.tls ?? false,
        tlsCert: values['tls-cert'],
        tlsKey: values['tls-key'],
      });
    case 'users':
      return usersCommand(rest, { ...opts, role: values.role, expires: values.expires });
    case 'export':
      return exportCommand(rest, {
        ...opts,
        volume: values.volume,
        stage: values.stage,
        all: values.all,
        cases: values.cases,
        format: values.format,
        out: values.out,
        pageSize: values['page-size'],
        preset: values.preset,
        perCase: values['per-case'],
        pattern: values.pattern,
      });
    default:
      throw usageError(`unknown command: ${command}\n\n${HELP}`);
  }
}

main().catch((err: unknown) => {
  const e = toErrorShape(err);
  process.stderr.write(`${cliErrorLine(e)}\n`);
  process.exit(e.code === 'VALIDATION' ? 2 : 1);
});
