import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LibraryStatus } from '../shared/ipc/library.ts';
import { Prefs } from '../shared/model/prefs.ts';
import { api } from './api/client.ts';
import { toApiError, type ApiError } from './api/apiError.ts';
import { initTransport } from './api/transport.ts';
import { App } from './App.tsx';
import './styles.css';

// The token arrives in the hash; take it before the router reads the hash as a route.
initTransport();

async function boot(): Promise<void> {
  let prefs: Prefs;
  let startError: ApiError | null = null;
  let recovery: LibraryStatus | null = null;
  try {
    const [loaded, status] = await Promise.all([api.prefs.get(), api.library.status()]);
    prefs = loaded;
    // A library that could not be opened (locked, damaged…) shows the recovery screen instead of the app.
    if (status.state === 'unavailable') recovery = status;
  } catch (err) {
    prefs = Prefs.parse({});
    startError = toApiError(err);
  }
  // Render only once the language is known, so the first paint is already in the right language.
  document.documentElement.lang = prefs.language;
  const rootEl = document.getElementById('root');
  if (!rootEl) throw new Error('#root missing from index.html');
  createRoot(rootEl).render(
    <StrictMode>
      <App initialPrefs={prefs} startError={startError} recovery={recovery} />
    </StrictMode>,
  );
}

void boot();
