import { useMemo } from 'react';
import type { VolumeDashboard } from '../../../shared/model/dashboard.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SERIES_COLOURS, buildCurve, dayTicks, scales, stepPath, type CurveSeries, type Frame } from './progressCurve.ts';

// About the size it is shown at beside the activity list, so that its text reads at 10px.
const FRAME: Frame = { width: 380, height: 180, left: 28, right: 8, top: 10, bottom: 22 };

/**
 * Sign-offs over time as hand-drawn SVG: one cumulative step line per person and a thicker one for
 * everyone, a point on each day someone signed (its count on hover), axes and a legend. The SVG's
 * label sums the data up for screen readers.
 */
export function ProgressCurve({ signoffs }: { signoffs: VolumeDashboard['signoffs'] }) {
  const { t, language } = useI18n();
  const curve = useMemo(() => buildCurve(signoffs), [signoffs]);
  const dayLabel = useMemo(() => {
    const f = new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    return (day: string) => f.format(new Date(`${day}T00:00:00Z`));
  }, [language]);

  if (!curve) {
    return (
      <section className="overview progress-curve" data-testid="progress-curve" aria-labelledby="progress-curve-title">
        <h3 id="progress-curve-title">{t('dashboard.curve.title')}</h3>
        <p className="progress-curve__empty muted">{t('dashboard.curve.empty')}</p>
      </section>
    );
  }

  const sc = scales(curve, FRAME);
  const n = curve.days.length;
  const everyone = t('dashboard.curve.total');
  const nameOf = (s: CurveSeries) => s.who ?? everyone;
  const summary = t('dashboard.curve.summary', {
    total: curve.total.total,
    from: dayLabel(curve.days[1] ?? curve.days[0]!),
    to: dayLabel(curve.days[n - 1]!),
    people: curve.people.map((p) => `${nameOf(p)} ${p.total}`).join(t('dashboard.curve.separator')),
  });
  const series = [
    ...curve.people.map((s, i) => ({ s, modifier: `s${i % SERIES_COLOURS}` })),
    { s: curve.total, modifier: 'total' },
  ];
  const baseline = sc.y(0);
  const right = FRAME.width - FRAME.right;

  return (
    <section className="overview progress-curve" data-testid="progress-curve" aria-labelledby="progress-curve-title">
      <h3 id="progress-curve-title">{t('dashboard.curve.title')}</h3>
      <svg
        className="progress-curve__chart"
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        role="img"
        aria-label={summary}
        data-testid="curve-chart"
      >
        <title>{summary}</title>
        <g className="progress-curve__grid" aria-hidden="true">
          {sc.ticks.map((v) => (
            <g key={v}>
              <line className="progress-curve__gridline" x1={FRAME.left} x2={right} y1={sc.y(v)} y2={sc.y(v)} />
              <text className="progress-curve__tick" x={FRAME.left - 5} y={sc.y(v)} textAnchor="end" dominantBaseline="middle">
                {v}
              </text>
            </g>
          ))}
          <line className="progress-curve__axis" x1={FRAME.left} x2={right} y1={baseline} y2={baseline} />
          {dayTicks(n).map((i) => (
            <text key={i} className="progress-curve__tick" x={sc.x(i)} y={FRAME.height - 6} textAnchor="middle">
              {dayLabel(curve.days[i]!)}
            </text>
          ))}
        </g>
        {series.map(({ s, modifier }) => (
          <g
            key={s.who ?? ''}
            className={`progress-curve__series progress-curve__series--${modifier}`}
            data-testid="curve-series"
            data-who={s.who ?? ''}
          >
            <path className="progress-curve__line" d={stepPath(s, sc, n)} />
            {s.points.map((p) => (
              <circle
                key={p.day}
                className="progress-curve__point"
                cx={sc.x(p.x)}
                cy={sc.y(p.value)}
                r={s.who === null ? 3.5 : 2.5}
                data-testid="curve-point"
                data-day={p.day}
                data-value={p.value}
              >
                <title>
                  {t('dashboard.curve.point', { day: dayLabel(p.day), who: nameOf(s), added: p.added, value: p.value })}
                </title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <ul className="progress-curve__legend" data-testid="curve-legend">
        {series.map(({ s, modifier }) => (
          <li key={s.who ?? ''} className={`progress-curve__key progress-curve__key--${modifier}`} data-who={s.who ?? ''}>
            <span className="progress-curve__swatch" aria-hidden="true" />
            {nameOf(s)} <b>{s.total}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
