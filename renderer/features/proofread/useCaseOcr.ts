import { useCallback, useEffect, useState } from 'react';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import type { ProofreadClient } from './client.ts';

export interface CaseOcr {
  /** What OCR read on the case's pages, by page index; null while loading and when no page has OCR. */
  pages: ReadonlyMap<number, OcrPage> | null;
  /** Replaces one page's reading (after it was read again and stored). */
  setPage: (index: number, ocr: OcrPage) => void;
}

/**
 * What OCR read on the case's pages (`pages:ocr`, one call a page, after the case opened): the
 * source of low-confidence suspects and of the scan's line outlines.
 */
export function useCaseOcr(client: Pick<ProofreadClient, 'pages'>, volumeId: number, casePages: readonly number[]): CaseOcr {
  const [pages, setPages] = useState<ReadonlyMap<number, OcrPage> | null>(null);
  const key = casePages.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      casePages.map((index) =>
        client.pages.ocr({ volumeId, index }).then(
          (ocr) => [index, ocr] as const,
          // An aid, not the text: a page whose OCR cannot be read just adds no suspects or outlines.
          () => [index, null] as const,
        ),
      ),
    ).then((answers) => {
      if (!live) return;
      const found = new Map<number, OcrPage>();
      for (const [index, ocr] of answers) if (ocr) found.set(index, ocr);
      setPages(found.size > 0 ? found : null);
    });
    return () => {
      live = false;
    };
    // `key` stands for casePages (a new array on every render of the same range).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, volumeId, key]);
  const setPage = useCallback((index: number, ocr: OcrPage) => {
    setPages((old) => new Map(old ?? []).set(index, ocr));
  }, []);
  return { pages, setPage };
}
