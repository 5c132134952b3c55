// Browser mode: the main-process services on 127.0.0.1 and the renderer in a browser.
// Prints exactly one line on stdout when ready: WORKBENCH_URL=http://127.0.0.1:PORT/#token=TOKEN
import './guardNode.ts';
import path from 'node:path';
import { AppError, toErrorShape } from '../../shared/ipc/errors.ts';
import { exportDownload } from '../services/exportService.ts';
import { startLibraryHost } from '../services/host.ts';
import { dataDirs } from '../services/paths.ts';
import { openConfPrefs } from '../services/prefs.ts';
import { startWebServer } from '../web/server.ts';
import { parseLaunchArgs } from './args.ts';
import { startupErrorLine } from './messages.ts';
import { openBrowser } from './openBrowser.ts';
import { ensureRendererBuilt, RENDERER_OUT } from './rendererBuild.ts';
import { bilingual } from '../i18n/strings.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const dirs = dataDirs(args.dataDir);
  const prefs = await openConfPrefs(dirs.configDir);
  const libraryDir = path.resolve(args.library ?? prefs.get().libraryPath ?? dirs.defaultLibraryDir);
  ensureRendererBuilt(log);
  // A library that cannot be opened (locked, damaged, too new) does not stop the server: the page
  // shows why and offers the way out (take over the lock, retry).
  const host = await startLibraryHost({ libraryDir, mode: 'web', prefs });
  const server = await startWebServer({
    dispatch: host.dispatch,
    staticDir: RENDERER_OUT,
    scansDir: host.scansDir,
    exportFile: (jobId) => {
      const open = host.current();
      if (!open) throw new AppError('NOT_FOUND', 'The library is not open', { jobId });
      return exportDownload(open.ctx, jobId);
    },
    port: args.port,
    // The collaborative editor's socket goes to the open library's local sync hub.
    onUpgrade: (req, socket, head) => {
      const sync = host.current()?.ctx.sync;
      if (sync) sync.handleUpgrade(req, socket, head);
      else socket.destroy();
    },
    onError: (err) => log(`[web] ${String(err)}`),
  });
  process.stdout.write(`WORKBENCH_URL=${server.launchUrl}\n`);
  log(bilingual('launcher.library', { path: libraryDir }));
  const bootError = host.bootError();
  if (bootError) log(startupErrorLine(bootError));
  if (args.open && !openBrowser(server.launchUrl)) log(bilingual('launcher.noBrowser'));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await host.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  log(startupErrorLine(toErrorShape(err)));
  process.exit(1);
});
