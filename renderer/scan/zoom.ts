/** Zoom: fit width, fit page, or a fixed percentage between 25 % and 400 %. */
export type ZoomMode = { kind: 'fit-width' } | { kind: 'fit-page' } | { kind: 'percent'; percent: number };

export const MIN_ZOOM = 25;
export const MAX_ZOOM = 400;
const STEPS = [25, 33, 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400];

export function clampPercent(p: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(p)));
}

/** Scale factor (1 = 100 %) for a page of `page` CSS px shown in a viewport of `box` CSS px. */
export function effectiveScale(
  mode: ZoomMode,
  page: { width: number; height: number },
  box: { width: number; height: number },
): number {
  if (mode.kind === 'percent') return clampPercent(mode.percent) / 100;
  if (page.width <= 0 || page.height <= 0 || box.width <= 0 || box.height <= 0) return 1;
  const byWidth = box.width / page.width;
  const scale = mode.kind === 'fit-width' ? byWidth : Math.min(byWidth, box.height / page.height);
  return Math.min(MAX_ZOOM / 100, Math.max(MIN_ZOOM / 100, scale));
}

/** The next preset step above/below the current percentage. */
export function stepZoom(currentPercent: number, direction: 1 | -1): number {
  if (direction > 0) return STEPS.find((s) => s > currentPercent + 0.5) ?? MAX_ZOOM;
  return [...STEPS].reverse().find((s) => s < currentPercent - 0.5) ?? MIN_ZOOM;
}
