// Command line: `npm run -s cli -- --help`.
import '../launcher/guardNode.ts';
import { parseArgs } from 'node:util';
import { toErrorShape } from '../../shared/ipc/errors.ts';
import { startupErrorLine } from '../launcher/messages.ts';
import { casesCommand } from './commands/cases.ts';
import { importCommand } from './commands/import.ts';
import { volumesCommand } from './commands/volumes.ts';

const HELP = `编校台 Casebook Workbench — command line

Usage: npm run -s cli -- <command> [options]

Commands:
  volumes list                     list the library's volumes
  volumes create <title>           create an empty volume
  cases list --volume <id>         list a volume's cases
  import <file> [--scan <pdf|dir>] import a text layer (UTF-8/UTF-16/GB18030) or a PDF;
                                   with --json and no --library: parse only and print the
                                   result (pages, frontMatter, toc, cases) as JSON

Options:
  --library DIR    the library folder (default: the app's)
  --data-dir DIR   where preferences (and the default library) live
  --json           machine-readable output
  --title TEXT     volume title for import (default: the file name)
  -h, --help       this help
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      volume: { type: 'string' },
      scan: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return;
  }
  const opts = { library: values.library, dataDir: values['data-dir'], json: values.json ?? false };
  switch (command) {
    case 'volumes':
      return volumesCommand(rest, opts);
    case 'cases':
      return casesCommand(rest, { ...opts, volume: values.volume });
    case 'import':
      return importCommand(rest, { ...opts, scan: values.scan, title: values.title });
    default:
      throw new Error(`unknown command: ${command}\n\n${HELP}`);
  }
}

main().catch((err: unknown) => {
  const shape = (err as { shape?: unknown }).shape ?? err;
  const e = toErrorShape(shape);
  process.stderr.write(`${e.code === 'INTERNAL' ? e.message : startupErrorLine(e)}\n`);
  process.exit(e.code === 'VALIDATION' ? 2 : 1);
});
