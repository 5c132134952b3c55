import { useEffect, useMemo, useState } from 'react';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import { DEFAULT_OCR_THRESHOLD } from '../../../shared/model/prefs.ts';
import { ocrPagesOf } from '../../../shared/proof/ocrSuspects.ts';
import type { OcrSuspectSource } from '../../editor/plugins/SuspectsPlugin.tsx';
import type { ProofreadClient } from './client.ts';

/**
 * What OCR read on the case's pages (`pages:ocr`, one call a page, after the case opened), as the
 * editor's source of low-confidence suspects; undefined while loading and when no page has OCR.
 */
export function useOcrSuspects(
  client: Pick<ProofreadClient, 'pages'>,
  volumeId: number,
  casePages: readonly number[],
  startPage: number,
  threshold: number | undefined,
): OcrSuspectSource | undefined {
  const [pages, setPages] = useState<ReadonlyMap<number, OcrPage> | null>(null);
  const key = casePages.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      casePages.map((index) =>
        client.pages.ocr({ volumeId, index }).then(
          (ocr) => [index, ocr] as const,
          // A suspect aid, not the text: a page whose OCR cannot be read just adds no suspects.
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
  const limit = threshold ?? DEFAULT_OCR_THRESHOLD;
  return useMemo(
    () => (pages ? { pages: ocrPagesOf(pages), threshold: limit, startPage } : undefined),
    [pages, limit, startPage],
  );
}
