import type { RuleReport } from '../../../shared/model/importResult.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface ChangeLogProps {
  rules: ReadonlyMap<string, RuleReport | null>;
  disabled: ReadonlySet<string>;
  onToggle(rule: string, enabled: boolean): void;
}

/**
 * What each cleanup rule did (rule → count, with the sites as before → after), and a checkbox per
 * rule: unticking one and previewing again is how a user reverts that rule.
 */
export function ChangeLog({ rules, disabled, onToggle }: ChangeLogProps) {
  const { t, lookup } = useI18n();
  if (rules.size === 0) return <p className="empty-hint">{t('import.noChanges')}</p>;
  return (
    <div className="change-log" data-testid="preview-changes">
      <p className="hint">{t('import.changesHint')}</p>
      <ul className="rule-list">
        {[...rules].map(([rule, report]) => {
          const enabled = !disabled.has(rule);
          const name = lookup(`rules.${rule}`) ?? rule;
          const inputId = `rule-${rule}`;
          return (
            <li key={rule} className={enabled ? 'rule' : 'rule rule-off'} data-testid="rule-row" data-rule={rule}>
              <div className="rule-head">
                <input
                  id={inputId}
                  type="checkbox"
                  checked={enabled}
                  data-testid={`rule-toggle-${rule}`}
                  onChange={(e) => onToggle(rule, e.target.checked)}
                />
                <label htmlFor={inputId} className="rule-name">
                  {name} <code className="rule-id">{rule}</code>
                </label>
                <span className="rule-count" data-testid="rule-count">
                  {report ? report.count : t('common.none')}
                </span>
              </div>
              {report && report.sites.length > 0 ? (
                <details className="rule-sites">
                  <summary>{t('import.sites', { count: report.sites.length })}</summary>
                  <ol>
                    {report.sites.map((s, i) => (
                      <li key={i}>
                        <span className="site-pos">{t('import.site', { page: s.page + 1, line: s.line + 1 })}</span>
                        <del className="site-before">{visible(s.before)}</del>
                        <span aria-hidden="true"> → </span>
                        <ins className="site-after">{visible(s.after)}</ins>
                      </li>
                    ))}
                  </ol>
                  {report.count > report.sites.length ? (
                    <p className="muted small">{t('import.sitesMore', { count: report.count - report.sites.length })}</p>
                  ) : null}
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Makes the whitespace a rule added or removed visible (a space change is otherwise unreadable). */
function visible(text: string): string {
  return text === '' ? '∅' : text.replace(/ /g, '␣').replace(/\n/g, '↵');
}
