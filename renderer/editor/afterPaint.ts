/**
 * Runs `fn` once the next frame has been painted (in a task after the animation frame): work that
 * only refreshes a display, such as the character count, then stays out of a keystroke's way to
 * the screen. Like animation frames, it waits while the window is hidden.
 */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
