import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Provider } from '@lexical/yjs';
import type * as Y from 'yjs';
import { clearForCollab, registerRemoteAsLoad } from './remoteTags.ts';
import { createHubProvider, cursorColorFor, type CollabStatus, type HubProvider } from './hubProvider.ts';

/** What the editor needs to edit a case collaboratively through main's local hub. */
export interface CollabConfig {
  /** The hub's WebSocket URL (`ws://127.0.0.1:<port>/sync`). */
  url: string;
  /** The per-launch token main gave the page. */
  token: string;
  /** The case's shared document, `case:<uuid>`. */
  docName: string;
  /** The user's name, shown at their cursor on other screens. */
  user: string;
  /** A viewer, or a locked case: the editor shows the text live but cannot change it. */
  readOnly: boolean;
}

/**
 * Lexical's CollaborationPlugin on main's hub, in its own LexicalCollaboration context: Yjs
 * binding, shared undo (replaces the History plugin) and remote cursors. Render it first among the
 * editor's plugins (see {@link registerRemoteAsLoad}) and remount it (React `key`) for another case.
 */
export function CollabPlugin({
  url,
  token,
  docName,
  user,
  onStatus,
  cursorsContainerRef,
}: Omit<CollabConfig, 'readOnly'> & {
  /** The hub connection's state (the editor shows it as its save state). */
  onStatus?: (status: CollabStatus) => void;
  cursorsContainerRef?: RefObject<HTMLElement | null>;
}) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => clearForCollab(editor), [editor]);
  useEffect(() => registerRemoteAsLoad(editor), [editor]);

  const statusRef = useRef(onStatus);
  useEffect(() => {
    statusRef.current = onStatus;
  });

  // Providers made for this mount; destroyed when it really goes (not on StrictMode's rehearsal).
  const providers = useRef(new Set<HubProvider>());
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    const made = providers.current;
    return () => {
      mounted.current = false;
      setTimeout(() => {
        if (mounted.current) return;
        for (const p of made) p.destroy();
        made.clear();
      }, 0);
    };
  }, []);

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      const provider = createHubProvider({ url, token, name: id, onStatus: (s) => statusRef.current?.(s) });
      yjsDocMap.set(id, provider.doc);
      providers.current.add(provider);
      return provider;
    },
    [url, token],
  );

  return (
    <LexicalCollaboration>
      <CollaborationPlugin
        id={docName}
        providerFactory={providerFactory}
        shouldBootstrap={false}
        username={user}
        cursorColor={cursorColorFor(user)}
        {...(cursorsContainerRef ? { cursorsContainerRef } : {})}
      />
    </LexicalCollaboration>
  );
}
