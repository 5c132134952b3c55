import { usageError } from '../usage.ts';
import { call, printTable, withLibrary, type GlobalOptions } from '../context.ts';

export async function volumesCommand(args: string[], opts: GlobalOptions): Promise<void> {
  const [verb, ...rest] = args;
  if (verb === 'list') {
    const volumes = await withLibrary(opts, (app) => call(app, 'volumes:list', {}));
    if (opts.json) console.log(JSON.stringify(volumes, null, 2));
    else printTable(volumes, ['id', 'title', 'caseCount', 'pageCount', 'updatedAt']);
    return;
  }
  if (verb === 'create') {
    const title = rest.join(' ').trim();
    if (!title) throw usageError('usage: volumes create <title>');
    const volume = await withLibrary(opts, (app) => call(app, 'volumes:create', { title }));
    console.log(opts.json ? JSON.stringify(volume, null, 2) : `${volume.id}\t${volume.title}`);
    return;
  }
  throw usageError('usage: volumes list | volumes create <title>');
}
