import { $getRoot, COLLABORATION_TAG, HISTORY_MERGE_TAG, SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import { LOAD_TAG } from '../markerGuard.ts';

/**
 * Remote changes reach the editor in updates tagged COLLABORATION_TAG. To the proofreading plugins
 * they are what a load is (LOAD_TAG): not an edit of this user. Without it the page-marker guard
 * would put back a marker another user removed, the block-id plugin would give a block another
 * user is creating a second id, and a read-only editor would roll the change back. The update
 * listeners all get the same tag set, so this listener (registered before theirs) adds the tag.
 */
export function registerRemoteAsLoad(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ tags }) => {
    if (tags.has(COLLABORATION_TAG)) tags.add(LOAD_TAG);
  });
}

/**
 * Empties the editor before the binding exists, without touching any shared document: whatever it
 * showed (the composer's empty paragraph, the previous case) must not be written into this case's.
 * The content then comes from the hub only (clients never seed: the server does).
 */
export function clearForCollab(editor: LexicalEditor): void {
  editor.update(() => $getRoot().clear(), { tag: [SKIP_COLLAB_TAG, LOAD_TAG, HISTORY_MERGE_TAG], discrete: true });
}
