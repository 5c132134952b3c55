import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { JobStatus } from '../../../shared/ipc/contract.ts';
import type { OcrPage } from '../../../shared/model/ocr.ts';
import type { ReocrRotation } from '../../../shared/model/reocr.ts';
import type { ReocrHunk } from '../../../shared/proof/reocrDiff.ts';
import type { Client } from '../../api/client.ts';
import { toApiError } from '../../api/apiError.ts';
import { waitForJob } from '../../api/jobs.ts';
import { $ocrBlocks } from '../../editor/ocrSuspects.ts';
import { $replaceIfUnchanged } from '../../editor/textEdits.ts';
import { review, stillApplies, type Review } from './reocrFlow.ts';

export type ReocrClient = Pick<Client, 'pages' | 'jobs'>;

export type ReocrStep =
  | { name: 'setup' }
  | { name: 'running'; status: JobStatus | null }
  | { name: 'review'; ocr: OcrPage; review: Review }
  | { name: 'failed'; error: unknown };

export interface ReocrOptions {
  client: ReocrClient;
  volumeId: number;
  /** The page read again (0-based page index), fixed while the panel is open. */
  page: number;
  /** Page of the first block when it has no leading marker (as the editor's `startPage`). */
  startPage: number;
  /** Told when a new reading has been stored as the page's OCR. */
  onKept?: ((index: number, ocr: OcrPage) => void) | undefined;
}

/**
 * Re-OCR of one page, for the panel: runs the job (cancellable), compares the reading with the text
 * as it is now, applies the hunks the user accepts as ordinary undoable edits — each only while its
 * block still reads as when compared, else the comparison is made again and nothing is written —
 * and stores the reading as the page's OCR when the user keeps it.
 */
export function useReocr({ client, volumeId, page, startPage, onKept }: ReocrOptions) {
  const [editor] = useLexicalComposerContext();
  const [step, setStep] = useState<ReocrStep>({ name: 'setup' });
  /** Hunks were recomputed because the text changed after the comparison (shown until the next action). */
  const [changed, setChanged] = useState(false);
  const [accepted, setAccepted] = useState(0);
  const [kept, setKept] = useState(false);
  const [keepError, setKeepError] = useState<unknown>(null);
  const rejected = useRef(new Set<string>());
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const blocksNow = useCallback(() => editor.getEditorState().read(() => $ocrBlocks(startPage)), [editor, startPage]);
  const compare = useCallback((ocr: OcrPage) => review(blocksNow(), page, ocr, rejected.current), [blocksNow, page]);

  const start = useCallback(
    async (rotation: ReocrRotation) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      rejected.current = new Set();
      setAccepted(0);
      setKept(false);
      setChanged(false);
      setKeepError(null);
      setStep({ name: 'running', status: null });
      try {
        const { jobId } = await client.pages.reocr({ volumeId, index: page, rotation });
        await waitForJob(
          client,
          jobId,
          (status) => !controller.signal.aborted && setStep({ name: 'running', status }),
          controller.signal,
        );
        const ocr = await client.pages.reocrResult({ jobId });
        if (controller.signal.aborted) return;
        setStep({ name: 'review', ocr, review: compare(ocr) });
      } catch (err) {
        if (controller.signal.aborted) return;
        const error = toApiError(err);
        setStep(error.code === 'CANCELLED' ? { name: 'setup' } : { name: 'failed', error });
      }
    },
    [client, volumeId, page, compare],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setStep({ name: 'setup' });
  }, []);

  /** Applies hunks whose blocks still read as compared; if any does not, compares again and writes none of it. */
  const apply = useCallback(
    (hunks: readonly ReocrHunk[]) => {
      if (step.name !== 'review') return;
      const now = blocksNow();
      if (!hunks.every((h) => stillApplies(step.review, h, now))) {
        setChanged(true);
        setStep({ ...step, review: compare(step.ocr) });
        return;
      }
      let done = 0;
      editor.update(
        () => {
          // Last to first: earlier offsets stay valid.
          const ordered = [...hunks].sort((a, b) => b.blockIndex - a.blockIndex || b.start - a.start);
          for (const h of ordered) if ($replaceIfUnchanged(h.blockIndex, h.start, h.end, h.oldText, h.newText)) done++;
        },
        { discrete: true },
      );
      setChanged(false);
      setAccepted((n) => n + done);
      setStep({ ...step, review: compare(step.ocr) });
    },
    [editor, step, blocksNow, compare],
  );

  const reject = useCallback(
    (key: string) => {
      if (step.name !== 'review') return;
      rejected.current.add(key);
      setChanged(false);
      setStep({ ...step, review: compare(step.ocr) });
    },
    [step, compare],
  );

  /** Stores the reading as the page's OCR. Resolves false (the error shown) when it could not be stored. */
  const keep = useCallback(async (): Promise<boolean> => {
    if (step.name !== 'review') return false;
    try {
      await client.pages.setOcr({ volumeId, index: page, ocr: step.ocr });
      setKept(true);
      setKeepError(null);
      onKept?.(page, step.ocr);
      return true;
    } catch (err) {
      setKeepError(err);
      return false;
    }
  }, [client, volumeId, page, step, onKept]);

  return { step, changed, accepted, kept, keepError, start, cancel, apply, reject, keep };
}
