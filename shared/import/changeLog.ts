import type { ChangeSite, RuleReport } from '../model/importResult.ts';
import type { SiteSink } from '../text/rewrite.ts';

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
  'ocr-page-opener',
  'ocr-stray-line',
  'ocr-digit-lookalike',
  'ocr-percent',
  'ocr-hyphen-yi',
  'ocr-full-stop',
  'ocr-label',
  'ocr-final-stop',
  'ocr-lost-line',
  'ocr-title-gap',
  'ocr-folio',
  'ocr-toc-org',
  'fuzzy-title-match',
  'title-consensus',
  'org-consensus',
  'toc-entry-from-case',
  'fill-toc-from-case',
  'org-brackets',
  'title-gaps',
  'remove-running-header',
  'remove-running-footer',
  'move-displaced-byline',
  'remove-case-footer',
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
  /** The change was made to a TOC entry, not to the text at `page` (the conservation check needs to know). */
  toc?: boolean;
}

/** Hears each record of a change log as it is made. */
export type RecordListener = (rule: RuleId, where: Where, change: Change) => void;

/** What a rule changed at one site: short excerpts of the text before and after. */
export interface Change {
  before: string;
  after: string;
}

/**
 * Collects what each cleanup rule did. Rules ask `on(rule)` before acting, so a disabled rule
 * leaves the text as it was and reports nothing.
 */
export class ChangeLog {
  private readonly disabled: Set<string>;
  private readonly reports = new Map<string, { count: number; sites: ChangeSite[] }>();
  private readonly listener: RecordListener | undefined;

  /** `listener` hears every record, past the cap on sites too (the conservation check's ledger). */
  constructor(disabledRules: readonly string[] = [], listener?: RecordListener) {
    this.disabled = new Set(disabledRules);
    this.listener = listener;
  }

  /**
   * A log with the same rules switched off that keeps nothing and tells no listener: for rules run
   * on a reading that is not the text itself (a title voted from several readings), whose edits the
   * caller logs once, as the difference between the text and the result.
   */
  scratch(): ChangeLog {
    return new ChangeLog([...this.disabled]);
  }

  on(rule: RuleId): boolean {
    return !this.disabled.has(rule);
  }

  /** Counts one change by `rule` at `where`, and keeps it while the rule has fewer than MAX_SITES_PER_RULE sites. */
  record(rule: RuleId, where: Where, { before, after }: Change): void {
    this.listener?.(rule, where, { before, after });
    let report = this.reports.get(rule);
    if (!report) {
      report = { count: 0, sites: [] };
      this.reports.set(rule, report);
    }
    report.count += 1;
    if (report.sites.length < MAX_SITES_PER_RULE) report.sites.push({ page: where.page, line: where.line, before, after });
  }

  /** A sink that records each change it hears of as `rule`'s at `where`. */
  sink(rule: RuleId, where: Where): SiteSink {
    return (before, after) => this.record(rule, where, { before, after });
  }

  /** How many times `rule` fired so far. */
  count(rule: RuleId): number {
    return this.reports.get(rule)?.count ?? 0;
  }

  /** Reports in the fixed rule order, rules that never fired left out. */
  toReports(): RuleReport[] {
    const out: RuleReport[] = [];
    for (const rule of RULE_IDS) {
      const report = this.reports.get(rule);
      if (report && report.count > 0) out.push({ rule, count: report.count, sites: report.sites });
    }
    return out;
  }
}
