import { usageError } from '../usage.ts';
import { call, printTable, withLibrary, type GlobalOptions } from '../context.ts';

export async function casesCommand(args: string[], opts: GlobalOptions & { volume?: string | undefined }): Promise<void> {
  if (args[0] !== 'list' || !opts.volume) throw usageError('usage: cases list --volume <id>');
  const volumeId = Number(opts.volume);
  const cases = await withLibrary(opts, (app) => call(app, 'cases:list', { volumeId }));
  if (opts.json) console.log(JSON.stringify(cases, null, 2));
  else printTable(cases, ['id', 'number', 'title', 'organization', 'stage', 'printedStart', 'printedEnd', 'updatedAt']);
}
