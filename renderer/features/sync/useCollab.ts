import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { hubUrlFromPage, type CollabConfig } from '../../editor/collab/index.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { useLocalOnly } from './useSyncStatus.ts';

/**
 * Whether a case is edited collaboratively (its library is connected to a team server and its
 * shared document is here) and how: `ready` once main answered, or at once for a library known to be
 * local (no round trip before the editor opens); `config` undefined for the classic editor (local
 * library, or main could not say: the classic path still works).
 */
export function useCollab(caseId: number): { ready: boolean; config: CollabConfig | undefined } {
  const info = useAsync(`collab:${caseId}`, () => api.sync.collab({ caseId }));
  const data = info.data;
  const config = useMemo((): CollabConfig | undefined => {
    if (!data) return undefined;
    return {
      url: data.url ?? hubUrlFromPage(window.location),
      token: data.token,
      docName: data.docName,
      user: data.user,
      readOnly: data.readOnly,
    };
  }, [data]);
  const local = useLocalOnly();
  return { ready: local || info.data !== undefined || info.error !== undefined, config };
}
