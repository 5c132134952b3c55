import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { describeError } from '../i18n/describeError.ts';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  message: string;
  detail?: string;
}

interface NoticeApi {
  info(message: string): void;
  /** Shows an error translated by its code, the server's message as a detail line. */
  error(err: unknown): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);
const INFO_MS = 5000;
let nextId = 1;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const api = useMemo<NoticeApi>(
    () => ({
      info: (message) => setNotices((list) => [...list, { id: nextId++, kind: 'info', message }]),
      error: (err) => {
        const { message, detail } = describeError(err, i18n);
        setNotices((list) => [...list, { id: nextId++, kind: 'error', message, detail }]);
      },
    }),
    [i18n],
  );
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="toasts" data-testid="toasts" aria-live="polite">
        {notices.map((n) => (
          <Toast key={n.id} notice={n} onDismiss={dismiss} dismissLabel={i18n.t('common.dismiss')} />
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

function Toast({ notice, onDismiss, dismissLabel }: { notice: Notice; onDismiss(id: number): void; dismissLabel: string }) {
  // Errors stay until dismissed: an editor must be able to read (and report) them.
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => onDismiss(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div
      className={`toast toast--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-kind={notice.kind}
    >
      <div className="toast__text">
        <div>{notice.message}</div>
        {notice.detail ? <div className="toast__detail">{notice.detail}</div> : null}
      </div>
      <button type="button" className="icon-button" aria-label={dismissLabel} onClick={() => onDismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function useNotices(): NoticeApi {
  const ctx = useContext(NoticeContext);
  if (!ctx) throw new Error('useNotices outside NoticeProvider');
  return ctx;
}
