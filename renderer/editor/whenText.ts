import type { LexicalEditor } from 'lexical';

/**
 * Runs `attempt` now and, until it succeeds (returns true), again after each editor update: for
 * acting on the case's text once it is in the editor (a shared case's text arrives from the hub
 * after the editor mounts). Returns the unregister, for an effect's cleanup.
 */
export function actWhenReady(editor: LexicalEditor, attempt: () => boolean): () => void {
  if (attempt()) return () => {};
  const stop = editor.registerUpdateListener(() => {
    if (attempt()) stop();
  });
  return stop;
}
