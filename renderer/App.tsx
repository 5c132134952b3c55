import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Prefs } from '../shared/model/prefs.ts';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { NoticeProvider, useNotices } from './ui/Notices.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { ErrorNotice } from './ui/ErrorNotice.tsx';
import { PrefsProvider, usePrefs } from './shell/PrefsContext.tsx';
import { ShellContext } from './shell/ShellContext.tsx';
import { WorkflowProvider } from './shell/WorkflowContext.tsx';
import { AboutDialog } from './shell/AboutDialog.tsx';
import { CommandBus } from './shell/commandBus.ts';
import { useMenuEvents } from './shell/useMenuEvents.ts';
import { AppHeader } from './shell/AppHeader.tsx';
import { SettingsDialog } from './shell/SettingsDialog.tsx';
import { UserNamePrompt } from './shell/UserNamePrompt.tsx';
import { useRoute } from './useRoute.ts';
import { routeHref, type Route } from './router.ts';
import { LibraryView } from './features/library/LibraryView.tsx';
import { LazyCasePage, prepareCasePages } from './features/casePage/LazyCasePage.tsx';
import type { ApiError } from './api/apiError.ts';
import { api } from './api/client.ts';
import type { LibraryStatus } from '../shared/ipc/library.ts';
import { RecoveryScreen } from './features/recovery/RecoveryScreen.tsx';
import { WordListDialog } from './features/wordList/WordListDialog.tsx';
import { SearchView } from './features/search/SearchView.tsx';

export interface AppProps {
  initialPrefs: Prefs;
  /** Set when even `prefs:get` failed at start (no backend, bad token…): shown instead of the app. */
  startError: ApiError | null;
  /** Set when the library could not be opened: the recovery screen is shown instead of the app. */
  recovery?: LibraryStatus | null;
}

export function App({ initialPrefs, startError, recovery = null }: AppProps) {
  return (
    <PrefsProvider initial={initialPrefs}>
      <Localized startError={startError} recovery={recovery} />
    </PrefsProvider>
  );
}

function Localized({ startError, recovery }: { startError: ApiError | null; recovery: LibraryStatus | null }) {
  const { prefs } = usePrefs();
  useEffect(() => {
    document.documentElement.lang = prefs.language;
  }, [prefs.language]);
  return (
    <I18nProvider language={prefs.language}>
      <NoticeProvider>
        {startError ? (
          <StartFailure error={startError} />
        ) : recovery ? (
          <RecoveryScreen client={api} initial={recovery} onOpened={() => window.location.reload()} />
        ) : (
          <Shell />
        )}
      </NoticeProvider>
    </I18nProvider>
  );
}

function StartFailure({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <div className="start-failure" data-testid="start-failure">
      <h1>{t('app.name')}</h1>
      <ErrorNotice error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}

function Shell() {
  const route = useRoute();
  const { t } = useI18n();
  const notices = useNotices();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const shell = useMemo(() => ({ openSettings: () => setSettingsOpen(true), commands: new CommandBus() }), []);
  useEffect(() => shell.commands.register('about', () => setAboutOpen(true)), [shell]);
  // The case page registers its own (it starts the form with the editor's selection).
  const [wordListOpen, setWordListOpen] = useState(false);
  useEffect(() => shell.commands.register('wordList', () => setWordListOpen(true)), [shell]);
  const exportNeedsVolume = useCallback(() => notices.info(t('shell.exportNeedsVolume')), [notices, t]);
  useMenuEvents(shell.commands, exportNeedsVolume);
  useEffect(() => prepareCasePages(), []);
  return (
    <ShellContext.Provider value={shell}>
      <WorkflowProvider>
        <div className="app">
          <AppHeader />
          <main className="app__main">
            {/* Keyed by route: a view that crashed is retried fresh when the user navigates away. */}
            <ErrorBoundary key={routeHref(route)}>
              <RouteView route={route} />
            </ErrorBoundary>
          </main>
          {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
          {aboutOpen ? <AboutDialog onClose={() => setAboutOpen(false)} /> : null}
          <UserNamePrompt />
          {wordListOpen ? <WordListDialog client={api} onClose={() => setWordListOpen(false)} /> : null}
        </div>
      </WorkflowProvider>
    </ShellContext.Provider>
  );
}

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'library':
      return <LibraryView selectedId={null} />;
    case 'volume':
      return <LibraryView selectedId={route.id} />;
    case 'case':
      return <LazyCasePage id={route.id} page={route.page} />;
    case 'search':
      return <SearchView search={route.search} />;
  }
}
