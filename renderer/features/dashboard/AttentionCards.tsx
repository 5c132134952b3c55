import type { ReactNode } from 'react';
import type { DashboardCase, VolumeDashboard } from '../../../shared/model/dashboard.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { routeHref } from '../../router.ts';
import { StageBadge } from '../../ui/StageBadge.tsx';
import { formatCaseNumber } from '../library/caseTable.ts';
import type { TableFocus } from './tableFocus.ts';
import { daysSince } from './timeText.ts';

/** Rows a card shows; the rest are counted under it. */
const SHOWN = 6;

type CardName = 'notes' | 'flags' | 'suspects' | 'stuck';

interface Props {
  dashboard: VolumeDashboard;
  /** When the list was answered (ages are counted to it). */
  now: Date;
  onFocus(focus: TableFocus): void;
}

/**
 * The cases that need attention, as four compact cards: open notes, 有疑问 flags, suspects left and
 * longest in their stage. Counts are drawn as bars against the card's largest; each row opens its case.
 */
export function AttentionCards({ dashboard, now, onFocus }: Props) {
  const { t, formatDateTime } = useI18n();
  const { openNotes, flags, suspects, stuck } = dashboard;
  const maxNotes = Math.max(1, ...openNotes.map((n) => n.count));
  const maxSuspects = Math.max(1, ...suspects.cases.map((s) => s.count));
  const ages = stuck.map((s) => daysSince(s.since, now));
  const maxAge = Math.max(1, ...ages);
  return (
    <div className="attention" data-testid="attention-cards">
      <Card name="notes" title="dashboard.cards.notes" total={openNotes.length}>
        {openNotes.slice(0, SHOWN).map((n) => (
          <Row key={n.case.id} kase={n.case} share={n.count / maxNotes}>
            {t('dashboard.cards.noteCount', { count: n.count })}
          </Row>
        ))}
      </Card>
      <Card
        name="flags"
        title="dashboard.cards.flags"
        total={flags.length}
        action={
          flags.length > 0 ? (
            <button type="button" className="link-button" data-testid="flags-in-table" onClick={() => onFocus({ flagged: true })}>
              {t('dashboard.cards.showInTable')}
            </button>
          ) : null
        }
      >
        {flags.slice(0, SHOWN).map((f) => (
          <Row key={f.case.id} kase={f.case} detail={f.reason || t('dashboard.cards.noReason')}>
            <span title={formatDateTime(f.at)}>{f.who}</span>
          </Row>
        ))}
      </Card>
      <Card
        name="suspects"
        title="dashboard.cards.suspects"
        total={suspects.cases.length}
        hint={suspects.wordList ? null : t('dashboard.cards.noWordList')}
      >
        {suspects.cases.slice(0, SHOWN).map((s) => (
          <Row key={s.case.id} kase={s.case} share={s.count / maxSuspects}>
            {t('dashboard.cards.suspectCount', { count: s.count })}
          </Row>
        ))}
      </Card>
      <Card name="stuck" title="dashboard.cards.stuck" total={stuck.length}>
        {stuck.slice(0, SHOWN).map((s, i) => (
          <Row key={s.case.id} kase={s.case} share={ages[i]! / maxAge} badge>
            <span title={formatDateTime(s.since)}>
              {ages[i] === 0 ? t('dashboard.cards.sinceToday') : t('dashboard.cards.sinceDays', { days: ages[i]! })}
            </span>
          </Row>
        ))}
      </Card>
    </div>
  );
}

function Card({
  name,
  title,
  total,
  hint = null,
  action = null,
  children,
}: {
  name: CardName;
  title: MessageKey;
  total: number;
  hint?: string | null;
  action?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const more = total - SHOWN;
  return (
    <section className="attention__card" data-testid="attention-card" data-card={name} data-count={total}>
      <header className="attention__head">
        <h3>{t(title)}</h3>
        <b className="attention__total">{total}</b>
        {action}
      </header>
      {hint ? <p className="attention__hint muted">{hint}</p> : null}
      {total === 0 ? (
        <p className="attention__empty muted">{t('dashboard.cards.empty')}</p>
      ) : (
        <ol className="attention__list">{children}</ol>
      )}
      {more > 0 ? <p className="attention__more muted">{t('dashboard.cards.more', { count: more })}</p> : null}
    </section>
  );
}

function Row({
  kase,
  share,
  detail,
  badge = false,
  children,
}: {
  kase: DashboardCase;
  /** Drawn as a bar behind the figure (0–1). */
  share?: number;
  detail?: string;
  badge?: boolean;
  children: ReactNode;
}) {
  const number = formatCaseNumber(kase.number);
  return (
    <li className="attention__item" data-testid="attention-item" data-case-id={kase.id}>
      <a className="attention__case" href={routeHref({ name: 'case', id: kase.id })} title={`${number} ${kase.title}`}>
        {number ? <span className="attention__number">{number}</span> : null}
        {kase.title}
      </a>
      {badge ? <StageBadge stage={kase.stage} /> : null}
      <span className="attention__figure">
        {share !== undefined ? (
          <span className="attention__bar" style={{ width: `${Math.max(0.08, share) * 100}%` }} aria-hidden="true" />
        ) : null}
        <span className="attention__value">{children}</span>
      </span>
      {detail ? <span className="attention__detail">{detail}</span> : null}
    </li>
  );
}
