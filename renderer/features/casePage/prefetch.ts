import type { ProofreadClient } from '../proofread/client.ts';
import { loadCase, type LoadedCase, type ProofreadPrefetch } from '../proofread/ProofreadView.tsx';
import { joinInFlight } from './inFlight.ts';

/** The volume of the case shown last: the next case opened is most often in the same volume. */
let lastVolumeId: number | null = null;

export function rememberVolume(id: number): void {
  lastVolumeId = id;
}

/** What a case page asks for the moment it opens. */
export interface CaseOpening {
  id: number;
  /** The case with everything its proofreading view needs; handed out once. */
  loaded: Promise<LoadedCase> | null;
}

/**
 * Asks for the case and, right behind it, for what its proofreading view needs after the case:
 * preferences and — guessing the volume shown last — the volume and its pages. They then travel
 * with the case instead of one round trip after it. The answers are as fresh as before (asked
 * now, never kept); a wrong guess is asked again for the right volume. Calling it again while the
 * requests are out (a StrictMode double render) joins them.
 */
export function openCase(client: ProofreadClient, id: number): CaseOpening {
  const kase = joinInFlight(`cases:get:${id}`, () => client.cases.get({ id }));
  const prefs = joinInFlight('prefs:get', () => client.prefs.get({})).catch(() => null);
  const volumeId = lastVolumeId;
  let prefetched: ProofreadPrefetch = { prefs };
  if (volumeId !== null) {
    const volume = joinInFlight(`volumes:get:${volumeId}`, () => client.volumes.get({ id: volumeId }));
    const pages = joinInFlight(`pages:list:${volumeId}`, () => client.pages.list({ volumeId }));
    // A guess that fails (the volume is gone) is not an error anyone has to hear about.
    volume.catch(() => undefined);
    pages.catch(() => undefined);
    prefetched = { prefs, volumeId, volume, pages };
  }
  const loaded = loadCase(client, id, { kase, prefetched });
  // Until the page takes it, a failure is the page's to show, not an unhandled rejection.
  loaded.catch(() => undefined);
  return { id, loaded };
}

/** A case whose link was just pressed, opened ahead of the click (see {@link preopenCase}). */
let pressed: { opening: CaseOpening; at: number } | null = null;
/** How long a press may precede its click (longer: the user dragged away, or held it). */
const PRESS_FRESH_MS = 1000;

/**
 * Starts opening a case when its link is pressed, before the click that follows the release: the
 * requests are on their way while the button is down.
 */
export function preopenCase(client: ProofreadClient, id: number): void {
  if (pressed?.opening.id === id && performance.now() - pressed.at < PRESS_FRESH_MS) return;
  pressed = { opening: openCase(client, id), at: performance.now() };
}

/** The opening a press started for this case, if it is fresh; otherwise a new one. */
export function takeOpening(client: ProofreadClient, id: number): CaseOpening {
  const early = pressed;
  pressed = null;
  if (early && early.opening.id === id && performance.now() - early.at < PRESS_FRESH_MS) return early.opening;
  return openCase(client, id);
}

/** The loading started at opening (once); later loads, such as a retry, ask again. */
export function takeLoaded(opening: CaseOpening, client: ProofreadClient, id: number): Promise<LoadedCase> {
  const early = opening.id === id ? opening.loaded : null;
  opening.loaded = null;
  return early ?? loadCase(client, id);
}
