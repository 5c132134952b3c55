// Browser mode: the main-process services on 127.0.0.1 and the renderer in a browser.
// Prints exactly one line on stdout when ready: WORKBENCH_URL=http://127.0.0.1:PORT/#token=TOKEN
import './guardNode.ts';
import path from 'node:path';
import { toErrorShape } from '../../shared/ipc/errors.ts';
import { boot } from '../services/boot.ts';
import { dataDirs } from '../services/paths.ts';
import { openConfPrefs } from '../services/prefs.ts';
import { startWebServer } from '../web/server.ts';
import { parseLaunchArgs } from './args.ts';
import { startupErrorLine } from './messages.ts';
import { openBrowser } from './openBrowser.ts';
import { ensureRendererBuilt, RENDERER_OUT } from './rendererBuild.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const dirs = dataDirs(args.dataDir);
  const prefs = await openConfPrefs(dirs.configDir);
  const libraryDir = path.resolve(args.library ?? prefs.get().libraryPath ?? dirs.defaultLibraryDir);
  ensureRendererBuilt(log);
  const app = await boot({ libraryDir, mode: 'web', prefs });
  const server = await startWebServer({
    dispatch: app.dispatch,
    staticDir: RENDERER_OUT,
    scansDir: app.scansDir,
    port: args.port,
    onError: (err) => log(`[web] ${String(err)}`),
  });
  process.stdout.write(`WORKBENCH_URL=${server.launchUrl}\n`);
  log(`资料库 / Library: ${libraryDir}`);
  if (args.open && !openBrowser(server.launchUrl)) log('未找到系统浏览器，请手动打开上面的地址。 / No system browser found: open the URL above.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await app.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  log(startupErrorLine(toErrorShape(err)));
  process.exit(1);
});
