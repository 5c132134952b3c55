import { useState } from 'react';
import type { Case, Page, Volume } from '../../../shared/model/entities.ts';
import type { Prefs } from '../../../shared/model/prefs.ts';
import { prepareScanViewer } from '../../scan/ScanPane.tsx';
import { useAsync, type AsyncState } from '../../ui/useAsync.ts';
import type { ProofreadClient } from './client.ts';

/**
 * Requests a caller started before the case was known, so they travel with the case instead of a
 * round trip after it. `volumeId` is a guess (the volume shown last): its answers are used only
 * when the case turns out to be in that volume, and asked again if they failed.
 */
export interface ProofreadPrefetch {
  prefs?: Promise<Prefs | null>;
  volumeId?: number;
  volume?: Promise<Volume>;
  pages?: Promise<Page[]>;
}

/** Everything the workspace needs before it can show the case. */
export interface LoadedCase {
  caseData: Case;
  volume: Volume;
  pages: Page[];
  prefs: Prefs | null;
}

/** A prefetched answer when there is one, else (or when it failed) a fresh request. */
function orFetch<T>(early: Promise<T> | undefined, fetch: () => Promise<T>): Promise<T> {
  return early ? early.catch(fetch) : fetch();
}

/**
 * Loads the case, its volume and pages, and the layout preferences, asking for everything that
 * does not depend on another answer at once (`kase` when the caller has asked for the case already).
 */
export async function loadCase(
  client: ProofreadClient,
  caseId: number,
  early: { kase?: Promise<Case>; prefetched?: ProofreadPrefetch } = {},
): Promise<LoadedCase> {
  // The scan pane will need its viewer, pdf.js and its worker: start them while the data is on its way.
  prepareScanViewer();
  const pre = early.prefetched;
  // Preferences only place the panes: without them the defaults do.
  const prefsP = pre?.prefs ?? client.prefs.get({}).catch(() => null);
  const caseData = await (early.kase ?? client.cases.get({ id: caseId }));
  const volumeId = caseData.volumeId;
  const guessed = pre?.volumeId === volumeId;
  const [volume, pages, prefs] = await Promise.all([
    orFetch(guessed ? pre.volume : undefined, () => client.volumes.get({ id: volumeId })),
    orFetch(guessed ? pre.pages : undefined, () => client.pages.list({ volumeId })),
    prefsP,
  ]);
  return { caseData, volume, pages, prefs };
}

/**
 * The loaded case: `preloaded` (read once, at mount) when the caller has loaded it already — the
 * view then shows in the same render — else loaded here. A newer copy from the caller later on
 * must not reload the editor.
 */
export function useCaseLoad(client: ProofreadClient, caseId: number, preloaded: LoadedCase | undefined): AsyncState<LoadedCase> {
  const [initial] = useState(() => (preloaded?.caseData.id === caseId ? preloaded : undefined));
  const state = useAsync(initial ? null : `case:${caseId}`, () => loadCase(client, caseId));
  return initial ? { ...state, data: initial } : state;
}
