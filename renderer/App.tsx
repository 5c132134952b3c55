import { useEffect, useMemo, useState } from 'react';
import type { Prefs } from '../shared/model/prefs.ts';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { NoticeProvider } from './ui/Notices.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { ErrorNotice } from './ui/ErrorNotice.tsx';
import { PrefsProvider, usePrefs } from './shell/PrefsContext.tsx';
import { ShellContext } from './shell/ShellContext.tsx';
import { AppHeader } from './shell/AppHeader.tsx';
import { SettingsDialog } from './shell/SettingsDialog.tsx';
import { useRoute } from './useRoute.ts';
import { routeHref, type Route } from './router.ts';
import { LibraryView } from './features/library/LibraryView.tsx';
import { CasePage } from './features/casePage/CasePage.tsx';
import type { ApiError } from './api/apiError.ts';

export interface AppProps {
  initialPrefs: Prefs;
  /** Set when even `prefs:get` failed at start (no backend, bad token…): shown instead of the app. */
  startError: ApiError | null;
}

export function App({ initialPrefs, startError }: AppProps) {
  return (
    <PrefsProvider initial={initialPrefs}>
      <Localized startError={startError} />
    </PrefsProvider>
  );
}

function Localized({ startError }: { startError: ApiError | null }) {
  const { prefs } = usePrefs();
  useEffect(() => {
    document.documentElement.lang = prefs.language;
  }, [prefs.language]);
  return (
    <I18nProvider language={prefs.language}>
      <NoticeProvider>{startError ? <StartFailure error={startError} /> : <Shell />}</NoticeProvider>
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
  const [settingsOpen, setSettingsOpen] = useState(false);
  const shell = useMemo(() => ({ openSettings: () => setSettingsOpen(true) }), []);
  return (
    <ShellContext.Provider value={shell}>
      <div className="app">
        <AppHeader />
        <main className="app-main">
          {/* Keyed by route: a view that crashed is retried fresh when the user navigates away. */}
          <ErrorBoundary key={routeHref(route)}>
            <RouteView route={route} />
          </ErrorBoundary>
        </main>
        {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      </div>
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
      return <CasePage id={route.id} />;
  }
}
