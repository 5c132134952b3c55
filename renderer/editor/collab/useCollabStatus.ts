import { useCallback, useState } from 'react';
import { INITIAL_COLLAB_STATUS, type CollabStatus } from './hubProvider.ts';

/**
 * The state of the editor's connection to main's hub, for a status badge: pass `onStatus` in the
 * editor's `collab` prop and show `status`. (This is the page ↔ main link; whether main itself
 * reaches the office server is the sync client's status.)
 *
 *   const { status, onStatus } = useCollabStatus();
 *   <CaseEditor … collab={{ ...config, onStatus }} />
 */
export function useCollabStatus(): { status: CollabStatus; onStatus: (status: CollabStatus) => void } {
  const [status, setStatus] = useState<CollabStatus>(INITIAL_COLLAB_STATUS);
  const onStatus = useCallback((s: CollabStatus) => setStatus(s), []);
  return { status, onStatus };
}
