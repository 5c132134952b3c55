import { useMemo } from 'react';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import { DEFAULT_OCR_THRESHOLD } from '../../../shared/model/prefs.ts';
import { ocrPagesOf } from '../../../shared/proof/ocrSuspects.ts';
import type { OcrSuspectSource } from '../../editor/plugins/SuspectsPlugin.tsx';

/** The case's OCR readings as the editor's source of low-confidence suspects; undefined without any. */
export function useOcrSuspects(
  pages: ReadonlyMap<number, OcrPage> | null,
  startPage: number,
  threshold: number | undefined,
): OcrSuspectSource | undefined {
  const limit = threshold ?? DEFAULT_OCR_THRESHOLD;
  return useMemo(
    () => (pages ? { pages: ocrPagesOf(pages), threshold: limit, startPage } : undefined),
    [pages, limit, startPage],
  );
}
