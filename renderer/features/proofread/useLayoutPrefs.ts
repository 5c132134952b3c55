import { useCallback, useState } from 'react';
import type { Prefs } from '../../../shared/model/prefs.ts';
import type { ProofreadClient } from './client.ts';

export type Layout = Prefs['layout'];
type Ratios = Prefs['splitRatios'];

const DEFAULT_RATIOS: Ratios = { side: 0.5, stacked: 0.5 };

/**
 * Text beside or above the scan, and the editor's share of the space in each layout; all
 * remembered in the preferences, so that switching layouts brings back each one's splitter.
 */
export function useLayoutPrefs(client: Pick<ProofreadClient, 'prefs'>, prefs: Prefs | null) {
  const [layout, setLayout] = useState<Layout>(prefs?.layout ?? 'side');
  const [ratios, setRatios] = useState<Ratios>(prefs?.splitRatios ?? DEFAULT_RATIOS);

  // Remembering the layout is a convenience: a failed write only means the next case opens with the old one.
  const persist = useCallback(
    (patch: { layout?: Layout; splitRatios?: Ratios }) => void client.prefs.set(patch).catch(() => undefined),
    [client],
  );

  const toggleLayout = useCallback(() => {
    const next = layout === 'side' ? 'stacked' : 'side';
    setLayout(next);
    persist({ layout: next });
  }, [layout, persist]);

  /** While dragging: the current layout's share, not yet stored. */
  const setRatio = useCallback((r: number) => setRatios((old) => ({ ...old, [layout]: r })), [layout]);

  /** Released: stored with the other layout's share as it was. */
  const commitRatio = useCallback(
    (r: number) => {
      const next = { ...ratios, [layout]: r };
      setRatios(next);
      persist({ splitRatios: next });
    },
    [layout, ratios, persist],
  );

  return { layout, ratio: ratios[layout], setRatio, toggleLayout, commitRatio };
}
