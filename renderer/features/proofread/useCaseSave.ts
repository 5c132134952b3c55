import { useCallback, useRef, useState } from 'react';
import { CASE_LIMITS, type CaseDoc } from '../../../shared/model/caseDoc.ts';
import type { Case, CaseSummary } from '../../../shared/model/entities.ts';
import type { AutosaveController, SaveState } from '../../editor/autosave.ts';
import type { ProofreadClient } from './client.ts';

/** The title and organisation blocks travel with a save so lists show the edited names. */
function namesOf(doc: CaseDoc): { title?: string; organization?: string } {
  // An emptied title block (mid-edit) keeps the stored title; an over-long one is cut to what the contract takes.
  const title = doc.blocks
    .find((b) => b.kind === 'title')
    ?.text.trim()
    .slice(0, CASE_LIMITS.titleChars);
  const organization = doc.blocks
    .find((b) => b.kind === 'organization')
    ?.text.trim()
    .slice(0, CASE_LIMITS.organizationChars);
  return { ...(title ? { title } : {}), ...(organization !== undefined ? { organization } : {}) };
}

export interface CaseSaveOptions {
  onSaveStateChange?: ((state: SaveState) => void) | undefined;
  onCaseSaved?: ((summary: CaseSummary) => void) | undefined;
}

/**
 * Saving one case: the version each save is based on, the save state, and what the user decides
 * on a CONFLICT (load the stored version, or overwrite it). `load` is the document the editor
 * shows; a new `key` makes it reload (after a conflict reload or a restore).
 */
export function useCaseSave(
  client: Pick<ProofreadClient, 'cases'>,
  caseData: Case,
  { onSaveStateChange, onCaseSaved }: CaseSaveOptions,
) {
  const caseId = caseData.id;
  const [load, setLoad] = useState({ doc: caseData.doc, key: 0 });
  // The ref is what the next save sends; the state re-renders what shows the version.
  const versionRef = useRef(caseData.version);
  const [version, setVersion] = useState(caseData.version);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ stored: Case | null } | null>(null);
  const autosave = useRef<AutosaveController | null>(null);

  const setVersionTo = useCallback((v: number) => {
    versionRef.current = v;
    setVersion(v);
  }, []);

  const onAutosave = useCallback((c: AutosaveController | null) => {
    autosave.current = c;
  }, []);

  const onSave = useCallback(
    async (doc: CaseDoc) => {
      const summary = await client.cases.save({ id: caseId, version: versionRef.current, doc, ...namesOf(doc) });
      setVersionTo(summary.version);
      onCaseSaved?.(summary);
    },
    [client, caseId, onCaseSaved, setVersionTo],
  );

  const onSaveState = useCallback(
    (s: SaveState, err?: unknown) => {
      setSaveState(s);
      onSaveStateChange?.(s);
      setSaveError(s === 'error' ? err : null);
      if (s === 'conflict') {
        setConflict({ stored: null });
        // Only to show the stored version's number; reloading asks again if this failed.
        client.cases.get({ id: caseId }).then(
          (stored) => setConflict((c) => (c ? { stored } : c)),
          () => undefined,
        );
      }
    },
    [client, caseId, onSaveStateChange],
  );

  const showCase = useCallback(
    (c: Case) => {
      setVersionTo(c.version);
      setLoad((l) => ({ doc: c.doc, key: l.key + 1 }));
    },
    [setVersionTo],
  );

  /** The user chose the stored version: their unsaved edits are dropped. */
  const reloadStored = async () => {
    try {
      const stored = conflict?.stored ?? (await client.cases.get({ id: caseId }));
      showCase(stored);
      autosave.current?.resolved('reloaded');
      setConflict(null);
    } catch (e) {
      setSaveError(e);
    }
  };

  /** The user chose their version: save again on top of the version now stored. */
  const overwrite = async () => {
    try {
      const stored = await client.cases.get({ id: caseId });
      versionRef.current = stored.version;
      setConflict(null);
      autosave.current?.resolved('retry');
      await autosave.current?.flush();
    } catch (e) {
      setSaveError(e);
    }
  };

  /** Saves pending edits now (a retry after an error, or before a restore). */
  const flush = useCallback(async () => {
    await autosave.current?.flush();
  }, []);

  /** A revision was restored: show it, with nothing left to save. */
  const onRestored = (c: Case) => {
    showCase(c);
    autosave.current?.resolved('reloaded');
    onCaseSaved?.(c);
  };

  return {
    load,
    version,
    getVersion: () => versionRef.current,
    saveState,
    saveError,
    conflict,
    onAutosave,
    onSave,
    onSaveState,
    reloadStored,
    overwrite,
    flush,
    onRestored,
  };
}
