import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full GC between phases, so that each phase's peak is not the previous phase's garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Peak resident memory of this process, phase by phase (sample it often inside a phase). */
export class RssTracker {
  peak = 0;

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  /** Starts a new phase: collects garbage and returns the resident size it starts from. */
  phase(): number {
    gc();
    this.peak = process.memoryUsage().rss;
    return this.peak;
  }
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
export const ms = (t: number): string => (t < 100 ? t.toFixed(1) : t.toFixed(0));
