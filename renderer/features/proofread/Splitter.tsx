import { useRef } from 'react';

/**
 * A draggable divider between two panes. Reports the first pane's share (0.1–0.9) while dragging
 * and once more when released (to persist). Arrow keys move it too.
 */
export function Splitter({
  orientation,
  ratio,
  onChange,
  onCommit,
}: {
  orientation: 'vertical' | 'horizontal';
  ratio: number;
  onChange: (ratio: number) => void;
  onCommit: (ratio: number) => void;
}) {
  const last = useRef(ratio);
  const clamp = (r: number) => Math.min(0.9, Math.max(0.1, r));
  const fromEvent = (e: React.PointerEvent<HTMLDivElement>) => {
    const parent = e.currentTarget.parentElement!.getBoundingClientRect();
    return clamp(
      orientation === 'vertical' ? (e.clientX - parent.left) / parent.width : (e.clientY - parent.top) / parent.height,
    );
  };
  return (
    <div
      className={`splitter splitter--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-valuemin={10}
      aria-valuemax={90}
      aria-valuenow={Math.round(ratio * 100)}
      tabIndex={0}
      data-testid="splitter"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
        last.current = fromEvent(e);
        onChange(last.current);
      }}
      onPointerUp={(e) => {
        if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
        e.currentTarget.releasePointerCapture(e.pointerId);
        onCommit(last.current);
      }}
      onKeyDown={(e) => {
        const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
        const fwd = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
        if (e.key !== back && e.key !== fwd) return;
        e.preventDefault();
        const next = clamp(ratio + (e.key === fwd ? 0.05 : -0.05));
        last.current = next;
        onChange(next);
        onCommit(next);
      }}
    />
  );
}
