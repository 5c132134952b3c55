import { parseArgs } from 'node:util';

export interface LaunchArgs {
  port: number;
  library: string | undefined;
  dataDir: string | undefined;
  open: boolean;
}

/** Options shared by `npm start` and `npm run web`. */
export function parseLaunchArgs(argv: string[]): LaunchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      library: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  return { port, library: values.library, dataDir: values['data-dir'], open: !values['no-open'] };
}
