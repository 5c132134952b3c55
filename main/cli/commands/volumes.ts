import type { Volume } from '../../../shared/model/entities.ts';
import { call, printTable, withLibrary, type GlobalOptions } from '../context.ts';

export async function volumesCommand(args: string[], opts: GlobalOptions): Promise<void> {
  const [verb, ...rest] = args;
  if (verb === 'list') {
    const volumes = await withLibrary(opts, (app) => call<Volume[]>(app, 'volumes:list', {}));
    if (opts.json) console.log(JSON.stringify(volumes, null, 2));
    else printTable(volumes, ['id', 'title', 'caseCount', 'pageCount', 'updatedAt']);
    return;
  }
  if (verb === 'create') {
    const title = rest.join(' ').trim();
    if (!title) throw new Error('usage: volumes create <title>');
    const volume = await withLibrary(opts, (app) => call<Volume>(app, 'volumes:create', { title }));
    console.log(opts.json ? JSON.stringify(volume, null, 2) : `${volume.id}\t${volume.title}`);
    return;
  }
  throw new Error('usage: volumes list | volumes create <title>');
}
