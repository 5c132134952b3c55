import { api } from '../../api/client.ts';
import type { Case } from '../../../shared/model/entities.ts';
import type { ProofreadPrefetch } from '../proofread/ProofreadView.tsx';
import { joinInFlight } from './inFlight.ts';

/** The volume of the case shown last: the next case opened is most often in the same volume. */
let lastVolumeId: number | null = null;

export function rememberVolume(id: number): void {
  lastVolumeId = id;
}

/** What a case page asks for the moment it opens. */
export interface CaseOpening {
  id: number;
  /** The case, asked for first (everything waits for it); handed out once. */
  kase: Promise<Case> | null;
  /** For the proofreading view: preferences, and the volume and pages of the volume shown last. */
  prefetched: ProofreadPrefetch;
}

/**
 * Asks for the case and, right behind it, for what its proofreading view needs after the case:
 * preferences and — guessing the volume shown last — the volume and its pages. They then travel
 * with the case instead of one round trip after it. The answers are as fresh as before (asked
 * now, never kept); the view ignores a wrong guess. Calling it again while the requests are out
 * (a StrictMode double render) joins them.
 */
export function openCase(id: number): CaseOpening {
  const kase = joinInFlight(`cases:get:${id}`, () => api.cases.get({ id }));
  const prefs = joinInFlight('prefs:get', () => api.prefs.get({})).catch(() => null);
  const volumeId = lastVolumeId;
  if (volumeId === null) return { id, kase, prefetched: { prefs } };
  const volume = joinInFlight(`volumes:get:${volumeId}`, () => api.volumes.get({ id: volumeId }));
  const pages = joinInFlight(`pages:list:${volumeId}`, () => api.pages.list({ volumeId }));
  // A guess that fails (the volume is gone) is not an error anyone has to hear about.
  volume.catch(() => undefined);
  pages.catch(() => undefined);
  return { id, kase, prefetched: { prefs, volumeId, volume, pages } };
}

/** The case asked for at opening (once); later loads, such as after a stage change, ask again. */
export function takeCase(opening: CaseOpening, id: number): Promise<Case> {
  const early = opening.id === id ? opening.kase : null;
  opening.kase = null;
  return early ?? api.cases.get({ id });
}
