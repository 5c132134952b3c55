import type { SearchResult, SearchSnippet } from '../../../shared/model/search.ts';
import type { WorkflowSettings } from '../../../shared/workflow/settings.ts';
import { bilingual, tr } from '../../i18n/strings.ts';
import { stageDisplayName } from '../../services/workflowService.ts';
import { getWorkflow } from '../../store/index.ts';
import { call, withLibrary, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';
import { parseStage } from './export.ts';

export const SEARCH_USAGE = 'usage: search QUERY [--volume ID] [--stage 初审|review1|…] [--exact] [--json]';

export interface SearchOptions extends GlobalOptions {
  volume?: string | undefined;
  stage?: string | undefined;
  exact?: boolean | undefined;
}

/** Hits stand out in a terminal; piped output brackets them instead. */
function marker(tty: boolean): [string, string] {
  return tty ? ['\x1b[1;31m', '\x1b[0m'] : ['⟦', '⟧'];
}

function marked(s: SearchSnippet, [open, close]: [string, string]): string {
  let out = '';
  let at = 0;
  for (const h of s.highlights) {
    out += s.text.slice(at, h.start) + open + s.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + s.text.slice(at);
}

function pageLabel(s: SearchSnippet): string {
  if (s.page === null) return '';
  const label = s.printedLabel ?? null;
  return label
    ? tr('zh-CN', 'proof.marker.printed', { label: /^\d{1,2}$/.test(label) ? label.padStart(3, '0') : label })
    : tr('zh-CN', 'proof.marker.unnumbered', { n: s.page + 1 });
}

function report(query: string, result: SearchResult, settings: WorkflowSettings): void {
  const shown = result.volumes.reduce((n, g) => n + g.cases.length, 0);
  if (result.total === 0) {
    console.log(bilingual('search.cli.none', { query }));
    return;
  }
  console.log(bilingual('search.cli.summary', { query, total: result.total, shown }));
  const mark = marker(process.stdout.isTTY === true);
  for (const g of result.volumes) {
    console.log(`\n${g.title}  (${g.total})`);
    for (const c of g.cases) {
      const number = c.number === null ? '—' : String(c.number).padStart(3, '0');
      console.log(`  ${number}  ${c.title}  [${stageDisplayName(settings, c.stage, 'zh-CN')}]  #${c.id}  ×${c.matches}`);
      for (const s of c.snippets) console.log(`       ${pageLabel(s).padEnd(10)} ${marked(s, mark)}`);
    }
  }
}

export async function searchCommand(args: string[], opts: SearchOptions): Promise<void> {
  const query = args.join(' ');
  if (args.length === 0) throw usageError(SEARCH_USAGE);
  if (opts.volume !== undefined && !/^\d+$/.test(opts.volume)) throw usageError(`--volume takes a volume id\n${SEARCH_USAGE}`);
  const { result, settings } = await withLibrary(opts, async (app) => {
    const settings = getWorkflow(app.ctx.lib.db);
    const result = await call(app, 'search:cases', {
      query,
      exact: opts.exact ?? false,
      ...(opts.volume === undefined ? {} : { volumeId: Number(opts.volume) }),
      ...(opts.stage === undefined ? {} : { stage: parseStage(settings, opts.stage) }),
    });
    return { result, settings };
  });
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else report(query, result, settings);
}
