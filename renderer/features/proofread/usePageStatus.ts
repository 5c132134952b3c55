import { useCallback, useState } from 'react';
import type { Page } from '../../../shared/model/entities.ts';
import type { PageStatus } from '../../../shared/model/stage.ts';
import type { ProofreadClient } from './client.ts';

/**
 * The volume's pages and their proofreading status. A status is shown at once and put back if
 * the server refuses it; the refusal is kept in `error` until the next change succeeds.
 */
export function usePageStatus(client: Pick<ProofreadClient, 'pages'>, initial: Page[]) {
  const [pages, setPages] = useState(initial);
  const [error, setError] = useState<unknown>(null);

  const setStatus = useCallback(
    async (pageIndex: number, status: PageStatus) => {
      const page = pages.find((p) => p.index === pageIndex);
      if (!page) return;
      const replace = (next: Page) => setPages((ps) => ps.map((p) => (p.id === next.id ? next : p)));
      replace({ ...page, status });
      try {
        replace(await client.pages.setStatus({ id: page.id, status }));
        setError(null);
      } catch (e) {
        replace(page);
        setError(e);
      }
    },
    [client, pages],
  );

  return { pages, setStatus, error };
}
