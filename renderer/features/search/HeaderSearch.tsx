import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { SEARCH_LIMITS } from '../../../shared/model/search.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMenuCommand } from '../../shell/ShellContext.tsx';
import { navigate, useRoute } from '../../useRoute.ts';
import './search.css';

/** Ctrl+Shift+F (⌘⇧F): the key the Edit menu's “Search All Volumes…” carries in Electron. */
function isSearchKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f';
}

/**
 * The search box in the header: Enter opens the results (`#/search?q=…`), keeping the filters of
 * the results on screen. Ctrl+Shift+F focuses it from anywhere, the editor included.
 */
export function HeaderSearch() {
  const { t } = useI18n();
  const route = useRoute();
  const current = route.name === 'search' ? route.search : null;
  const routeQuery = current?.query ?? null;
  const [text, setText] = useState(routeQuery ?? '');
  // Follows the route (back/forward, a filter change) without an effect: adjusted while rendering.
  const [shownQuery, setShownQuery] = useState(routeQuery);
  if (routeQuery !== shownQuery) {
    setShownQuery(routeQuery);
    if (routeQuery !== null) setText(routeQuery);
  }
  const input = useRef<HTMLInputElement>(null);
  const focus = useCallback(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useMenuCommand('search', focus);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchKey(e)) return;
      e.preventDefault();
      focus();
    };
    // Capture: the editor and the find bar never see it first.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [focus]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return;
    navigate({
      name: 'search',
      search: {
        query: text,
        exact: current?.exact ?? false,
        volumeId: current?.volumeId ?? null,
        stage: current?.stage ?? null,
        tagId: current?.tagId ?? null,
      },
    });
  };

  return (
    <form className="header-search" role="search" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        className="header-search__input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        title={t('search.shortcut')}
        maxLength={SEARCH_LIMITS.queryChars}
        enterKeyHint="search"
        data-testid="header-search"
      />
    </form>
  );
}
