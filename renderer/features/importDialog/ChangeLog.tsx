import { useState } from 'react';
import type { RuleSummary } from '../../../shared/model/importPreview.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RuleSites, type PreviewClient } from './PreviewTables.tsx';

interface ChangeLogProps {
  client: PreviewClient;
  /** The import whose sites are listed (the latest preview's). */
  jobId: string;
  rules: ReadonlyMap<string, RuleSummary | null>;
  disabled: ReadonlySet<string>;
  onToggle(rule: string, enabled: boolean): void;
}

/**
 * What each cleanup rule did (rule → count, with the sites as before → after, fetched when opened),
 * and a checkbox per rule: unticking one and previewing again is how a user reverts that rule.
 */
export function ChangeLog({ client, jobId, rules, disabled, onToggle }: ChangeLogProps) {
  const { t, lookup } = useI18n();
  if (rules.size === 0) return <p className="empty-hint">{t('import.noChanges')}</p>;
  return (
    <div className="change-log" data-testid="preview-changes">
      <p className="hint">{t('import.changesHint')}</p>
      <ul className="change-log__list">
        {[...rules].map(([rule, report]) => {
          const enabled = !disabled.has(rule);
          const name = lookup(`rules.${rule}`) ?? rule;
          const inputId = `rule-${rule}`;
          return (
            <li
              key={rule}
              className={enabled ? 'change-log__rule' : 'change-log__rule change-log__rule--off'}
              data-testid="rule-row"
              data-rule={rule}
            >
              <div className="change-log__rule-head">
                <input
                  id={inputId}
                  type="checkbox"
                  checked={enabled}
                  data-testid={`rule-toggle-${rule}`}
                  onChange={(e) => onToggle(rule, e.target.checked)}
                />
                <label htmlFor={inputId} className="change-log__rule-name">
                  {name} <code className="change-log__rule-id">{rule}</code>
                </label>
                <span className="change-log__rule-count" data-testid="rule-count">
                  {report ? report.count : t('common.none')}
                </span>
              </div>
              {report && report.siteCount > 0 ? <Sites client={client} jobId={jobId} report={report} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Sites({ client, jobId, report }: { client: PreviewClient; jobId: string; report: RuleSummary }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="rule-sites" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('import.sites', { count: report.siteCount })}</summary>
      {open ? <RuleSites client={client} jobId={jobId} rule={report.rule} total={report.siteCount} /> : null}
      {report.count > report.siteCount ? (
        <p className="hint">{t('import.sitesMore', { count: report.count - report.siteCount })}</p>
      ) : null}
    </details>
  );
}
