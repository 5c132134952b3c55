import type { ChangeSite, RuleReport } from '../model/importResult.ts';

/** Every cleanup rule the pipeline knows, by id (the ids `options.disabledRules` refers to). */
export const RULE_IDS = [
  'strip-fffd',
  'strip-leaders',
  'repair-split-word',
  'strip-orphan-separator',
  'normalize-radicals',
  'fullwidth-punct',
  'curly-quotes',
  'collapse-letterspacing',
  'strip-stray-quote',
  'ocr-dash-run',
  'ocr-lost-dashes',
  'ocr-lost-title',
  'ocr-page-opener',
  'ocr-stray-line',
  'ocr-digit-lookalike',
  'ocr-percent',
  'ocr-hyphen-yi',
  'ocr-full-stop',
  'ocr-label',
  'ocr-final-stop',
  'ocr-lost-line',
  'ocr-date-digits',
  'ocr-title-gap',
  'ocr-folio',
  'ocr-toc-number',
  'ocr-toc-org',
  'fuzzy-title-match',
  'title-consensus',
  'org-consensus',
  'toc-entry-from-case',
  'fill-toc-from-case',
  'remove-running-header',
  'remove-running-footer',
  'move-displaced-byline',
  'remove-case-footer',
  'footer-only-page',
  'join-lines',
  'collapse-spaces',
  'space-after-punct',
  'space-before-punct',
  'space-cjk-digit',
  'space-before-quote',
  'space-between-cjk',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Sites kept per rule; the count goes on past it. */
export const MAX_SITES_PER_RULE = 200;

/** Where in the source a change happened: page index and 0-based line of the decoded text. */
export interface Where {
  page: number;
  line: number;
}

/**
 * Collects what each cleanup rule did. Rules ask `on(rule)` before acting, so a disabled rule
 * leaves the text as it was and reports nothing.
 */
export class ChangeLog {
  private readonly disabled: Set<string>;
  private readonly reports = new Map<string, { count: number; sites: ChangeSite[] }>();

  constructor(disabledRules: readonly string[] = []) {
    this.disabled = new Set(disabledRules);
  }

  on(rule: RuleId): boolean {
    return !this.disabled.has(rule);
  }

  record(rule: RuleId, where: Where, before: string, after: string, count = 1): void {
    let r = this.reports.get(rule);
    if (!r) {
      r = { count: 0, sites: [] };
      this.reports.set(rule, r);
    }
    r.count += count;
    if (r.sites.length < MAX_SITES_PER_RULE) r.sites.push({ page: where.page, line: where.line, before, after });
  }

  /** How many times `rule` fired so far. */
  count(rule: RuleId): number {
    return this.reports.get(rule)?.count ?? 0;
  }

  /** Reports in the fixed rule order, rules that never fired left out. */
  toReports(): RuleReport[] {
    const out: RuleReport[] = [];
    for (const rule of RULE_IDS) {
      const r = this.reports.get(rule);
      if (r && r.count > 0) out.push({ rule, count: r.count, sites: r.sites });
    }
    return out;
  }
}
