import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseNote } from '../../../shared/model/notes.ts';
import type { NotesClient } from './client.ts';

export interface CaseNotes {
  /** Null until first loaded. */
  list: CaseNote[] | null;
  /** Why the list could not be loaded (the last list stays shown). */
  error: unknown;
  reload(): void;
  /** Shows the list a change answered with (every notes channel answers the case's notes). */
  apply(answer: Promise<CaseNote[]>): Promise<void>;
}

/**
 * A case's notes, asked again whenever `version` changes: a save moves blocks, so the notes'
 * positions and quotes change with it. Of overlapping answers the one asked last wins.
 */
export function useCaseNotes(client: NotesClient, caseId: number, version: number): CaseNotes {
  const [list, setList] = useState<CaseNote[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    const mine = ++asked.current;
    client.notes.list({ caseId }).then(
      (notes) => {
        if (asked.current !== mine) return;
        setList(notes);
        setError(null);
      },
      (err: unknown) => {
        if (asked.current === mine) setError(err);
      },
    );
  }, [client, caseId, version, tick]);

  const apply = useCallback(async (answer: Promise<CaseNote[]>) => {
    const mine = ++asked.current;
    const notes = await answer;
    if (asked.current !== mine) return;
    setList(notes);
    setError(null);
  }, []);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { list, error, reload, apply };
}
