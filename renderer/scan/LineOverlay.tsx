import { memo } from 'react';
import type { PageLine } from '../../shared/proof/lineLinks.ts';

const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

/**
 * The page's lines over the scan: the block under the caret's lines outlined, every line a click
 * target (the viewer turns a click, as opposed to a drag, into a caret move) that shows on hover
 * what OCR or the text layer read there.
 */
export const LineOverlay = memo(function LineOverlay({
  lines,
  active,
}: {
  lines: readonly PageLine[];
  active: readonly number[];
}) {
  const on = new Set(active);
  return (
    <div className="scan-lines" data-testid="scan-lines">
      {lines.map((line, n) => {
        const [x0, y0, x1, y1] = line.box;
        return (
          <div
            key={n}
            className="scan-line"
            data-testid="scan-line"
            data-line={n}
            data-active={on.has(n) ? 'true' : undefined}
            title={line.text}
            style={{ left: pct(x0), top: pct(y0), width: pct(x1 - x0), height: pct(y1 - y0) }}
          />
        );
      })}
    </div>
  );
});
