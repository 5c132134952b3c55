import { usageError } from '../usage.ts';
import fs from 'node:fs';
import path from 'node:path';
import { toTruthJson } from '../../../shared/import/truthSchema.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { parseImportFile } from '../../import/parseImportFile.ts';
import { importFileNow } from '../../services/importService.ts';
import { refuseIfViewer, withLibrary, type GlobalOptions } from '../context.ts';
import { importExportJsonFile } from '../../services/jsonReimport.ts';
import { listImageScans } from '../../scans/inspect.ts';

/** A scan is one PDF or a folder of page images (in natural order, as the import dialog sorts them). */
function scanPaths(scan: string | undefined): string[] {
  if (!scan) return [];
  if (!fs.existsSync(scan)) throw new AppError('NOT_FOUND', `No such scan: ${scan}`, { file: scan });
  return fs.statSync(scan).isDirectory() ? listImageScans(scan) : [scan];
}

/** A `.json` file is taken as a JSON export of this app (anything else in it is refused by name). */
const isExportJson = (file: string): boolean => path.extname(file).toLowerCase() === '.json';

export async function importCommand(
  args: string[],
  opts: GlobalOptions & { scan?: string | undefined; title?: string | undefined },
): Promise<void> {
  const file = args[0];
  if (!file) throw usageError('usage: import <file|scan|dir of page images> [--scan <pdf|dir>] [--library DIR] [--json]');
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `No such file: ${file}`, { file });
  const scans = scanPaths(opts.scan);
  if (opts.json && !opts.library) {
    // Parse only: the result in the seed's ground-truth schema, and nothing else on stdout.
    const parsed = await parseImportFile({ filePath: file, sourceName: path.basename(file), scanPaths: scans, options: {} });
    process.stdout.write(`${JSON.stringify(toTruthJson(parsed.result), null, 2)}\n`);
    return;
  }
  // A JSON export of this app comes back as the same cases, without the text pipeline.
  const volume = await withLibrary(opts, (app) => {
    refuseIfViewer(app, 'import');
    return isExportJson(file)
      ? importExportJsonFile(app.ctx, fs.readFileSync(file, 'utf8'), path.basename(file), opts.title)
      : importFileNow(app.ctx, file, scans, {
          title: opts.title ?? path.basename(file, path.extname(file)),
          replaceVolumeId: null,
        });
  });
  console.log(
    opts.json
      ? JSON.stringify(volume, null, 2)
      : `${volume.id}\t${volume.title}\t${volume.caseCount} cases\t${volume.pageCount} pages`,
  );
}
